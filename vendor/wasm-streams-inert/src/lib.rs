//! Inert stand-in for `wasm-streams` 0.5 (see README.md): the part of its API
//! that `server_fn` uses, with no wasm exports. Nothing in this app calls it.

use futures_util::stream::{self, Stream};
use wasm_bindgen::{JsCast, JsValue};

/// Raw JavaScript types, as in `wasm-streams`.
pub mod sys {
    pub use web_sys::ReadableStream;
}

/// A JavaScript `ReadableStream` (or nothing, when made from a Rust stream).
#[derive(Debug)]
pub struct ReadableStream {
    raw: JsValue,
}

impl ReadableStream {
    /// Wraps a JavaScript stream.
    #[must_use]
    pub fn from_raw(raw: sys::ReadableStream) -> Self {
        Self { raw: raw.into() }
    }

    /// Drops `stream`: this stand-in cannot hand a Rust stream to
    /// JavaScript (that needs the exports it leaves out).
    #[must_use]
    pub fn from_stream<St>(stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        drop(stream);
        Self { raw: JsValue::UNDEFINED }
    }

    /// The JavaScript stream (`undefined` when made from a Rust stream: an
    /// empty request body).
    #[must_use]
    pub fn into_raw(self) -> sys::ReadableStream {
        self.raw.unchecked_into()
    }

    /// A stream that ends at once.
    pub fn into_stream(self) -> impl Stream<Item = Result<JsValue, JsValue>> + Unpin + 'static {
        stream::empty()
    }
}
