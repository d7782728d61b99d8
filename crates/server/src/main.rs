//! The `braingain` command.

use std::process::ExitCode;

fn main() -> ExitCode {
    braingain_server::cli::main()
}
