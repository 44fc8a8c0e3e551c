//! misle-check: pre-screening for the MiSLE trial (NCT02633163).
//!
//! The [`engine`] turns an answers document into a report; it is pure Rust
//! (std, chrono, serde) and never reads a clock. The `ui` feature adds the
//! Leptos questionnaire that runs it in the browser.

#![warn(missing_docs)]

pub mod engine;
pub mod parse;

#[cfg(feature = "ui")]
pub mod ui;

#[cfg(any(feature = "ui", feature = "js"))]
pub mod bridge;

#[cfg(all(feature = "js", target_arch = "wasm32"))]
mod js;

pub use engine::answers::Answers;
pub use engine::evaluate;
pub use engine::report::Report;
pub use parse::{from_json, from_value, to_json, to_value, Error, Value};

/// The package version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
