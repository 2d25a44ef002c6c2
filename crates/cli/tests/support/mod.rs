//! What the CLI's integration tests share: running the binary from the repository root.

#![allow(dead_code)] // each test file uses what it needs

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `dispatches ARGS…` from the repository root, without the layout a developer's shell
/// may force (`DISPATCHES_LAYOUT`), so every test sees the layout the corpus chooses.
pub fn dispatches(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dispatches")).args(args).current_dir(repo()).env_remove("DISPATCHES_LAYOUT").output().expect("the binary runs")
}

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}
