//! What a split layout's result cards are made of: bytes per part of a card (id, headline,
//! kept text, quotations, speakers), summed over every `cards-*` shard of a published corpus,
//! raw and as a share of the shards' gzip size, to see what a search result's fetch pays for.
//!
//! ```sh
//! cargo run --release -p dispatches-engine --example card_parts -- DIST/corpus
//! ```
use dispatches_engine::shards::cards::CardRun;
use std::io::Read;
fn main() {
    let dir = std::env::args().nth(1).expect("usage: card_parts DIST/corpus");
    let (mut files, mut gz, mut cards) = (0usize, 0usize, 0usize);
    let mut parts: Vec<(&str, usize)> = ["id", "headline", "block text", "block places", "quotations kept", "quotations left out", "speakers", "unnamed", "whole"].iter().map(|n| (*n, 0)).collect();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if !p.file_name().unwrap().to_string_lossy().starts_with("cards-") {
            continue;
        }
        let bytes = std::fs::read(&p).unwrap();
        gz += bytes.len();
        files += 1;
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut raw).unwrap();
        let run: CardRun = postcard::from_bytes(&raw[4..]).unwrap(); // after the format version
        for c in &run.cards().unwrap() {
            cards += 1;
            let len = |b: Vec<u8>| b.len();
            parts[0].1 += len(postcard::to_allocvec(&c.id).unwrap());
            parts[1].1 += len(postcard::to_allocvec(&c.headline).unwrap());
            parts[2].1 += c.blocks.iter().map(|b| b.text.len()).sum::<usize>();
            parts[3].1 += len(postcard::to_allocvec(&c.blocks).unwrap()) - c.blocks.iter().map(|b| b.text.len()).sum::<usize>();
            parts[4].1 += c.quotes.iter().flatten().map(|q| len(postcard::to_allocvec(q).unwrap())).sum::<usize>();
            parts[5].1 += c.quotes.iter().filter(|q| q.is_none()).count();
            parts[6].1 += len(postcard::to_allocvec(&c.speakers).unwrap());
            parts[7].1 += len(postcard::to_allocvec(&c.unnamed).unwrap());
            parts[8].1 += len(postcard::to_allocvec(c).unwrap());
        }
    }
    println!("{files} card shards, {cards} cards, {} KB gzip ({} B a card)", gz / 1024, gz / cards.max(1));
    let whole = parts[8].1.max(1);
    for (n, b) in &parts {
        println!("{n:>20}: {:>9} B raw, {:>5} B a card, {:>4.1}%", b, b / cards.max(1), *b as f64 * 100.0 / whole as f64);
    }
}
