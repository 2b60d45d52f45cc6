//! The command line run as a user runs it, with a data folder of its own
//! (the user's corpus store is never read).

/// Runs `dispatch-atlas ARGS` with `XDG_DATA_HOME=data`: (success, stdout, stderr).
pub fn run_with_data(data: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dispatch-atlas"))
        .env("XDG_DATA_HOME", data)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run dispatch-atlas: {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
