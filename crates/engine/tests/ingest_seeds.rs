//! Ingestion on the five seed articles: metadata, structure counts and boilerplate found.

use dispatches_engine::{corpus, Article, BlockKind, BoilerplateKind, Corpus, Date};
use std::path::Path;

fn seeds() -> Corpus {
    corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).expect("the seeds validate")
}

fn article<'a>(c: &'a Corpus, prefix: &str) -> &'a Article {
    c.articles.iter().find(|a| a.id.starts_with(prefix)).unwrap_or_else(|| panic!("seed {prefix}"))
}

fn texts(a: &Article, kind: BlockKind) -> Vec<&str> {
    a.blocks.iter().filter(|b| b.kind == kind).map(|b| a.slice(b.span)).collect()
}

fn boilerplate(a: &Article) -> Vec<(BoilerplateKind, &str)> {
    a.blocks.iter().filter_map(|b| match b.kind { BlockKind::Boilerplate(k) => Some((k, a.slice(b.span))), _ => None }).collect()
}

/// (id prefix, outlet, headline, byline, published, paragraphs, captions, boilerplate blocks)
const EXPECTED: &[(&str, &str, &str, &str, (i32, u8, u8), usize, usize, usize)] = &[
    ("000", "The National", "No roads to safety for terrified east Aleppo residents", "Josh Wood", (2016, 12, 1), 22, 0, 1),
    ("001", "Syria Direct", "Civilians increasingly cornered amid ongoing rebel losses in east Aleppo, ‘stranglehold getting tighter’", "", (2016, 12, 7), 25, 1, 3),
    ("002", "Middle East Eye", "Fall of Aleppo: Thousands flee as Assad forces take 90 percent of rebel areas", "", (2016, 12, 12), 44, 2, 3),
    ("003", "TIME", "‘We Are About to Die’: The End Comes for Aleppo", "", (2016, 12, 9), 16, 2, 8),
    ("004", "Yeni Şafak", "Thousands flee Aleppo onslaught as battle reaches climax", "Ersin Çelik", (2016, 12, 13), 27, 0, 1),
];

#[test]
fn metadata_and_counts_of_every_seed() {
    let c = seeds();
    assert_eq!(c.articles.len(), 5);
    for &(id, outlet, headline, byline, (y, m, d), paragraphs, captions, bp) in EXPECTED {
        let a = article(&c, id);
        assert_eq!(a.meta.outlet, outlet, "{id}");
        assert_eq!(a.meta.headline, headline, "{id}");
        assert_eq!(a.meta.byline, byline, "{id}");
        assert_eq!(a.meta.published, Date::new(y, m, d).unwrap(), "{id}");
        assert_eq!(a.paragraph_count(), paragraphs, "{id} paragraphs");
        assert_eq!(a.count_of(BlockKind::Caption), captions, "{id} captions");
        assert_eq!(boilerplate(a).len(), bp, "{id} boilerplate: {:?}", boilerplate(a));
    }
}

#[test]
fn corpus_is_newest_first() {
    let c = seeds();
    let dates: Vec<Date> = c.articles.iter().map(|a| a.meta.published).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
}

#[test]
fn the_national_dateline_contact_and_credit() {
    let c = seeds();
    let a = article(&c, "000");
    assert_eq!(texts(a, BlockKind::Dateline), ["ALEPPO, SYRIA"]);
    assert!(a.slice(a.paragraphs().next().unwrap().1.span).starts_with("Mohammed Al Qassem reached"));
    assert_eq!(boilerplate(a), [(BoilerplateKind::Contact, "foreign.desk@thenational.ae")]);
    assert_eq!(texts(a, BlockKind::Byline), ["* Josh Wood reported from Beirut, with additional reporting from Agence France-Presse"]);
    assert!(texts(a, BlockKind::Headline).is_empty(), "the text has no headline line");
}

#[test]
fn syria_direct_teaser_caption_and_chrome() {
    let c = seeds();
    let a = article(&c, "001");
    let bp = boilerplate(a);
    assert!(bp.contains(&(BoilerplateKind::ReadingTime, "4 min read")));
    assert!(bp.contains(&(BoilerplateKind::SiteChrome, "Share this article")));
    let teaser = a.blocks.iter().find(|b| b.kind == BlockKind::Boilerplate(BoilerplateKind::Teaser)).unwrap();
    assert!(a.slice(teaser.span).ends_with("[…]"));
    let repeated = &a.blocks[teaser.duplicate_of.expect("teaser points at the paragraph it repeats") as usize];
    assert_eq!(repeated.kind, BlockKind::Paragraph);
    assert_eq!(texts(a, BlockKind::Dateline), ["AMMAN"]);
    assert!(texts(a, BlockKind::Caption)[0].starts_with("Transporting the injured"), "caption without its leading no-break space");
}

#[test]
fn middle_east_eye_standfirst_captions_pull_quotes_subheads() {
    let c = seeds();
    let a = article(&c, "002");
    assert_eq!(boilerplate(a)[0], (BoilerplateKind::SiteChrome, "Skip to main content"));
    assert_eq!(boilerplate(a).iter().filter(|(k, _)| *k == BoilerplateKind::RelatedLink).count(), 2);
    assert!(texts(a, BlockKind::Standfirst)[0].starts_with("In less than a month"));
    assert!(texts(a, BlockKind::Caption).iter().all(|t| t.ends_with("(AFP)")));
    assert_eq!(texts(a, BlockKind::Subheading), ["'They want to kill us, not to save us'", "Bombardment does not stop", "Russia: No deal with US on rebels"]);
    assert_eq!(texts(a, BlockKind::PullQuoteCredit), ["- Monther, Aleppo resident", "- Sergei Ryabkov, Russian Deputy Foreign Minister"]);
    // The Ryabkov pull quote repeats a later body quote and says so.
    let pq = a.blocks.iter().find(|b| b.kind == BlockKind::PullQuote && a.slice(b.span).starts_with("'This agreement")).unwrap();
    let body = &a.blocks[pq.duplicate_of.unwrap() as usize];
    assert!(a.slice(body.span).contains("This agreement has not yet been reached"));
}

#[test]
fn time_breadcrumbs_links_and_duplicated_caption() {
    let c = seeds();
    let a = article(&c, "003");
    let bp = boilerplate(a);
    assert_eq!(bp.iter().filter(|(k, _)| *k == BoilerplateKind::Breadcrumb).count(), 2);
    assert_eq!(bp.iter().filter(|(k, _)| *k == BoilerplateKind::RelatedLink).count(), 3);
    assert!(bp.contains(&(BoilerplateKind::ReadingTime, "7 minute read")));
    assert!(bp.contains(&(BoilerplateKind::SiteChrome, "More Must-Reads from TIME")));
    assert!(bp.contains(&(BoilerplateKind::Contact, "Contact us at letters@time.com")));
    let caps: Vec<_> = a.blocks.iter().enumerate().filter(|(_, b)| b.kind == BlockKind::Caption).collect();
    assert_eq!(caps[1].1.duplicate_of, Some(caps[0].0 as u32));
    assert!(a.slice(caps[1].1.span).ends_with("Youssef Karwashan—AFP/Getty Images"));
}

#[test]
fn yeni_safak_byline_timestamps_subheads() {
    let c = seeds();
    let a = article(&c, "004");
    assert_eq!(texts(a, BlockKind::Byline), ["Ersin Çelik"]);
    assert_eq!(texts(a, BlockKind::Timestamp), ["15:38 - 13/12/2016 Tuesday", "Update: 16:21 - 13/12/2016 Tuesday"]);
    assert_eq!(texts(a, BlockKind::Subheading), ["Fleeing in panic", "Tide of Refugees"]);
    assert_eq!(boilerplate(a), [(BoilerplateKind::RelativeTime, "8 years ago")]);
    assert!(a.text.contains("killing least 82"), "text kept as is, typos included");
}

#[test]
fn nothing_is_lost_every_non_space_char_is_in_a_block() {
    for a in &seeds().articles {
        let mut covered = vec![false; a.text.len()];
        let mut last_end = 0;
        for b in &a.blocks {
            assert!(b.span.start as usize >= last_end, "{}: blocks in order, not overlapping", a.id);
            last_end = b.span.end as usize;
            covered[b.span.range()].iter_mut().for_each(|c| *c = true);
        }
        // Only the separator after a dateline ("ALEPPO, SYRIA // ", "AMMAN: ") sits between blocks.
        let separator = |i: usize| {
            a.blocks.windows(2).any(|w| w[0].kind == BlockKind::Dateline && (w[0].span.end as usize..w[1].span.start as usize).contains(&i))
        };
        for (i, ch) in a.text.char_indices() {
            assert!(covered[i] || ch.is_whitespace() || (separator(i) && !ch.is_alphanumeric()), "{}: {ch:?} at byte {i} belongs to no block", a.id);
        }
    }
}

#[test]
fn seed_texts_are_kept_byte_for_byte() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    for a in &seeds().articles {
        assert_eq!(a.text.as_bytes(), std::fs::read(dir.join(&a.file)).unwrap(), "{}", a.id);
    }
}
