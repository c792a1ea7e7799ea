//! The library's one error type. Every variant names the file and, where there
//! is one, the place, so the binary can print it as a single line.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: not valid UTF-8 (byte offset {offset})")]
    InvalidUtf8 {
        path: PathBuf,
        offset: usize,
        line: usize,
        column: usize,
    },
    #[error("{path}: not valid UTF-16 (byte offset {offset})")]
    InvalidUtf16 { path: PathBuf, offset: usize },
    #[error("{path}: {what}, not a regular file; skipped")]
    NotAFile { path: PathBuf, what: &'static str },
    #[error("{path}: empty file, nothing to check")]
    Empty { path: PathBuf },
    #[error("{path}: looks like a binary file (NUL byte at offset {offset}), not an article")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: too large ({size} bytes; the limit is {limit} bytes per article)")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}: not a readable web page: {message}")]
    Html { path: PathBuf, message: String },
    #[error("{path}:{line}: {message}")]
    Worksheet { path: PathBuf, line: u64, message: String },
    #[error("{path}: {message}")]
    Identity { path: PathBuf, message: String },
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

pub type Result<T> = std::result::Result<T, Error>;
