//! Mounts the questionnaire page.

fn main() {
    leptos::mount::mount_to_body(misle_check::ui::App);
}
