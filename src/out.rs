//! Writing to standard output and standard error without panicking.
//!
//! `println!` panics when the reader of a pipe goes away (`spin-coach list | head`)
//! and `eprintln!` when standard error is closed. Every command writes through
//! these macros instead: standard output through a locked handle, and a broken
//! pipe ends the program quietly with exit code 0, as ripgrep does (the reader
//! has everything it asked for). Another failure to write standard output (a
//! full disk behind `>`) is reported on standard error and exits 1. Failures to
//! write standard error are ignored: there is nowhere left to report them.

use std::io::Write as _;

/// Ends the program after standard output failed.
pub fn stdout_failed(e: &std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    let _ = writeln!(
        std::io::stderr().lock(),
        "spin-coach: error: cannot write to standard output: {e}"
    );
    std::process::exit(1)
}

/// Writes bytes to standard output (locked) and flushes; see [`stdout_failed`].
pub fn write_stdout(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
        stdout_failed(&e);
    }
}

/// Like `println!`, but a broken pipe exits quietly instead of panicking.
#[macro_export]
macro_rules! outln {
    () => { $crate::out::write_stdout(b"\n") };
    ($($t:tt)*) => {{
        let mut s = ::std::format!($($t)*);
        s.push('\n');
        $crate::out::write_stdout(s.as_bytes());
    }};
}

/// Like `print!`, but a broken pipe exits quietly instead of panicking.
#[macro_export]
macro_rules! out {
    ($($t:tt)*) => {{
        $crate::out::write_stdout(::std::format!($($t)*).as_bytes());
    }};
}

/// Like `eprintln!`, but a closed standard error is ignored instead of panicking.
#[macro_export]
macro_rules! errln {
    ($($t:tt)*) => {{
        use ::std::io::Write as _;
        let _ = ::std::writeln!(::std::io::stderr().lock(), $($t)*);
    }};
}
