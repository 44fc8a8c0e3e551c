//! misle-check: pre-screening for the MiSLE trial (NCT02633163).
//!
//! The [`engine`] turns an answers document into a report; it is pure Rust
//! (std, chrono, serde) and never reads a clock. The `ui` feature adds the
//! Leptos questionnaire that runs it in the browser.

#![warn(missing_docs)]

pub mod engine;
pub mod fhir;
pub mod parse;
pub mod protocol;
pub mod questions;

#[cfg(feature = "ui")]
pub mod ui;

#[cfg(all(feature = "js", target_arch = "wasm32"))]
mod js;

pub use engine::answers::Answers;
pub use engine::evaluate;
pub use engine::report::Report;
pub use parse::{from_json, to_json, Error};

/// The package version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The versions of the package and of the two documents it reads and
/// writes: the engine module's `version()` and the page's `misle:ready`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
pub struct Version {
    /// The package version (`0.1.0`).
    pub package: &'static str,
    /// `"misle-answers/1"`.
    #[cfg_attr(feature = "js", tsify(type = "\"misle-answers/1\""))]
    pub answers_schema: &'static str,
    /// `"misle-report/1"`.
    #[cfg_attr(feature = "js", tsify(type = "\"misle-report/1\""))]
    pub report_schema: &'static str,
}

impl Version {
    /// This build's versions.
    pub const CURRENT: Version = Version {
        package: VERSION,
        answers_schema: engine::answers::ANSWERS_SCHEMA,
        report_schema: engine::report::REPORT_SCHEMA,
    };
}
