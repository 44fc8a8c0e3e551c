//! The questionnaire page (placeholder until the questionnaire issue).

use leptos::prelude::*;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main>
            <h1>"MiSLE trial pre-screening"</h1>
            <p>"The questionnaire is coming. The eligibility engine runs in this page; nothing leaves the browser."</p>
        </main>
    }
}
