//! Entry point of the page: mount the app. (The checking runs in the checker module, which the
//! page starts in a worker: see `yusuan_web::worker`.)

fn main() {
    console_error_panic_hook::set_once();
    yusuan_web::export::install_js_api();
    leptos::mount::mount_to_body(yusuan_web::App);
}
