//! The `spin-coach` binary: parse the command line and hand over to the library.

fn main() -> std::process::ExitCode {
    spin_coach::cli::main()
}
