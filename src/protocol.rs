//! The messages of the embedded page's `postMessage` channel
//! (docs/embedding.md), as the page writes them. The TypeScript
//! declarations (`CheckerMessage`, `MessageId`) are derived from these types
//! by tsify and land in the engine module's `misle_engine.d.ts` (the module
//! itself posts nothing), so a portal types its message handler from the
//! same definition the page posts with. The host's messages (`HostMessage`) are read field by field
//! by the page (`ui::embed`), since their answers go through the bounded
//! reader of [`crate::parse::js`]; their declaration is beside the FHIR
//! ones in `js.rs`.

use serde::Serialize;

use crate::engine::report::Report;
use crate::Version;

/// What a portal may put in a prefill's `id` to match the reply to it: a
/// string of at most 200 characters or a finite number.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(untagged)]
pub enum MessageId {
    /// A string id.
    Text(String),
    /// A number id.
    Number(f64),
}

impl MessageId {
    /// The longest string id echoed (200); a longer one is not (the reply
    /// then carries no `in_reply_to`), so a reply stays small whatever was
    /// sent.
    pub const MAX_CHARS: usize = 200;

    /// The id of a string, when short enough.
    #[must_use]
    pub fn text(s: String) -> Option<MessageId> {
        (s.chars().count() <= Self::MAX_CHARS).then_some(MessageId::Text(s))
    }

    /// The id of a number, when finite.
    #[must_use]
    pub fn number(n: f64) -> Option<MessageId> {
        n.is_finite().then_some(MessageId::Number(n))
    }
}

/// A message from the checker to its host page.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(tag = "type")]
pub enum CheckerMessage {
    /// Once, when the questionnaire is shown.
    #[serde(rename = "misle:ready")]
    Ready {
        /// The package version and the schemas it reads and writes.
        version: Version,
    },
    /// The report: right after `misle:ready`, after every change of the
    /// report the clinician makes, and once in reply to every accepted
    /// prefill (changed or not).
    #[serde(rename = "misle:report")]
    Report {
        /// The contract's report (`misle-report/1`).
        report: Report,
        /// The `id` of the prefill this report answers, when it gave one;
        /// absent on reports that follow the clinician's typing.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "js", tsify(optional))]
        in_reply_to: Option<MessageId>,
    },
    /// The page's height in whole CSS pixels, when it changes (and once at
    /// start).
    #[serde(rename = "misle:resize")]
    Resize {
        /// Height in CSS pixels.
        height: f64,
    },
    /// A prefill was refused; the questionnaire kept its answers.
    #[serde(rename = "misle:error")]
    Error {
        /// The refusal, naming the path (or the linkId, or the Bundle's
        /// entry and field).
        message: String,
        /// The `id` of the refused prefill, when it gave one.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "js", tsify(optional))]
        in_reply_to: Option<MessageId>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::answers::Answers;

    #[test]
    fn messages_are_written_as_the_embedding_guide_shows() {
        let cases: Vec<(&str, CheckerMessage, serde_json::Value)> = vec![
            (
                "ready names the versions",
                CheckerMessage::Ready { version: Version::CURRENT },
                serde_json::json!({"type": "misle:ready", "version": {
                    "package": crate::VERSION, "answers_schema": "misle-answers/1", "report_schema": "misle-report/1"}}),
            ),
            (
                "resize has the height",
                CheckerMessage::Resize { height: 812.0 },
                serde_json::json!({"type": "misle:resize", "height": 812.0}),
            ),
            (
                "an error echoes a string id",
                CheckerMessage::Error { message: "patient: x".into(), in_reply_to: MessageId::text("p-1".into()) },
                serde_json::json!({"type": "misle:error", "message": "patient: x", "in_reply_to": "p-1"}),
            ),
            (
                "an error without an id has no in_reply_to",
                CheckerMessage::Error { message: "patient: x".into(), in_reply_to: None },
                serde_json::json!({"type": "misle:error", "message": "patient: x"}),
            ),
        ];
        for (name, msg, want) in cases {
            assert_eq!(serde_json::to_value(&msg).ok(), Some(want), "{name}");
        }
    }

    #[test]
    fn a_report_reply_echoes_a_number_id_and_a_typed_one_has_none() {
        let report = crate::evaluate(&Answers::default(), chrono::NaiveDate::default());
        let reply = CheckerMessage::Report { report: report.clone(), in_reply_to: MessageId::number(7.0) };
        let v = serde_json::to_value(&reply).unwrap_or_default();
        assert_eq!(v["type"], "misle:report");
        assert_eq!(v["in_reply_to"], 7.0);
        assert_eq!(v["report"]["verdict"], "incomplete");
        let typed = serde_json::to_value(CheckerMessage::Report { report, in_reply_to: None }).unwrap_or_default();
        assert!(typed.get("in_reply_to").is_none());
    }

    #[test]
    fn ids_too_long_or_not_finite_are_not_echoed() {
        assert_eq!(MessageId::text("x".repeat(MessageId::MAX_CHARS)), Some(MessageId::Text("x".repeat(200))));
        assert_eq!(MessageId::text("x".repeat(MessageId::MAX_CHARS + 1)), None);
        assert_eq!(MessageId::number(f64::NAN), None);
        assert_eq!(MessageId::number(f64::INFINITY), None);
        assert_eq!(MessageId::number(-3.5), Some(MessageId::Number(-3.5)));
    }
}
