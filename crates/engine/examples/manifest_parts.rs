//! What a split layout's manifest is made of: its bytes, raw and gzip, per part (the
//! per-article table and each shard directory), to see what the first fetch costs.
//!
//! ```sh
//! cargo run --release -p dispatches-engine --example manifest_parts -- DIST/corpus/manifest.bin [--acronyms]
//! ```
//! `--acronyms` also lists the acronyms the corpus defines (`search::synonyms`).
use std::io::{Read, Write};
fn gz(b: &[u8]) -> usize { let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6)); e.write_all(b).unwrap(); e.finish().unwrap().len() }
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&p).unwrap()).read_to_end(&mut raw).unwrap();
    let lib = dispatches_engine::shards::Library::open(&raw, None).unwrap();
    let m = lib.manifest();
    let parts: Vec<(&str, Vec<u8>)> = vec![
        ("table", postcard::to_allocvec(&**lib.table()).unwrap()),
        ("  of which acronyms", postcard::to_allocvec(lib.table().synonyms().defined()).unwrap()),
        ("dictionary", postcard::to_allocvec(&m.dictionary).unwrap()),
        ("postings", postcard::to_allocvec(&m.postings).unwrap()),
        ("positions", postcard::to_allocvec(&m.positions).unwrap()),
        ("groups", postcard::to_allocvec(&m.groups).unwrap()),
        ("cards", postcard::to_allocvec(&m.cards).unwrap()),
        ("ids", postcard::to_allocvec(&m.ids).unwrap()),
        ("info", postcard::to_allocvec(&m.info).unwrap()),
    ];
    println!("whole raw {} gz {}", raw.len(), gz(&raw));
    for (n, b) in parts { println!("{n}: raw {} gz {}", b.len(), gz(&b)); }
    let acronyms = lib.table().synonyms().defined();
    println!("acronyms the corpus defines: {}", acronyms.len());
    if std::env::args().any(|a| a == "--acronyms") {
        for d in acronyms { println!("  {} = {}{}", d.short, d.name, if d.everyday { " (also an everyday word)" } else { "" }); }
    }
}
