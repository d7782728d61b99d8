//! Rebuilds the server when the built web app changes, so the embedded copy stays current.

fn main() {
    println!("cargo:rerun-if-changed=../../frontend/dist");
}
