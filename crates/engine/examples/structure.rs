//! Prints the structure ingestion finds in a corpus folder: one line per block.
//! `cargo run -p dispatches-engine --example structure -- seeds`
fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "seeds".into());
    let corpus = match dispatches_engine::corpus::load(std::path::Path::new(&dir)) {
        Ok(c) => c,
        Err(errors) => {
            errors.iter().for_each(|e| eprintln!("{e}"));
            std::process::exit(1);
        }
    };
    for a in &corpus.articles {
        println!("== {} — {} ({})", a.id, a.meta.headline, a.meta.outlet);
        for (i, b) in a.blocks.iter().enumerate() {
            let text: String = a.slice(b.span).chars().take(90).collect();
            let dup = b.duplicate_of.map(|d| format!(" dup→{d}")).unwrap_or_default();
            println!("{i:>3} {:<18}{dup} {text}", b.kind.label());
        }
    }
}
