//! Entry point of the page: mount the app.

fn main() {
    console_error_panic_hook::set_once();
    // The same module also runs in the page's worker, where it only checks text.
    if yusuan_web::worker::serve_if_worker() {
        return;
    }
    yusuan_web::export::install_js_api();
    leptos::mount::mount_to_body(yusuan_web::App);
}
