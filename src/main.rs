//! The `hubquote` command line.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    hubquote::cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
