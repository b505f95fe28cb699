//! Entry point of the page: mount the app.

fn main() {
    console_error_panic_hook::set_once();
    yusuan_web::export::install_js_api();
    leptos::mount::mount_to_body(yusuan_web::App);
}
