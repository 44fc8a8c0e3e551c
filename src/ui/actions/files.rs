//! Downloading the answers file.

use wasm_bindgen::{JsCast, JsValue};

/// The largest answers file read (1 MB).
pub const MAX_BYTES: f64 = 1_000_000.0;

/// Offers `text` as a JSON file named `name`.
///
/// # Errors
/// When the browser refuses to build the file or the link.
pub fn download(text: &str, name: &str) -> Result<(), String> {
    let err = |e: JsValue| e.as_string().unwrap_or_else(|| "the browser refused".to_string());
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a = doc
        .create_element("a")
        .map_err(err)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "no link".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoked a little later: some browsers start the download asynchronously.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(5),
    );
    Ok(())
}
