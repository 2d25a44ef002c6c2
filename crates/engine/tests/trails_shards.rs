//! Quote trails as a shard: the page reads the same trails the engine builds, in both layouts,
//! each occurrence pointing at the quotation the reader lists.

use dispatches_engine::corpus::build_article;
use dispatches_engine::quotes::QuoteIndex;
use dispatches_engine::shards::{self, library::unpack_quote, Library, Need, Sizing};
use dispatches_engine::trails::{ChangeKind, Credit, Trails};
use dispatches_engine::{ArticleMeta, Corpus, Date};
use std::collections::HashMap;
use std::path::Path;

const SAID: &str = "The people of this city will not be intimidated, and we will rebuild every school that was damaged before the winter comes";

/// Three reports of one statement (one altered a word, one trimmed) and two unrelated ones, so
/// article groups are several when cut small.
fn corpus() -> Corpus {
    let reports = [
        ("Coast Herald", (2020, 3, 2), format!("\"{SAID},\" Mayor Ann Lee said.")),
        ("Valley Post", (2020, 3, 3), format!("\"{},\" Mayor Ann Lee said.", SAID.replace("city", "town"))),
        ("Bay Times", (2020, 3, 4), "\"We will rebuild every school that was damaged before the winter comes,\" Lee said.".to_string()),
        ("Bay Times", (2020, 3, 5), "\"The river is higher than anyone here has ever seen it,\" said Tom Reed, a farmer.".to_string()),
        ("Valley Post", (2020, 3, 6), "Roads stayed closed on Friday, the county said.".to_string()),
    ];
    let articles = reports
        .into_iter()
        .enumerate()
        .map(|(i, (outlet, (y, m, d), body))| {
            let meta = ArticleMeta {
                outlet: outlet.into(),
                headline: format!("Report {i}"),
                byline: String::new(),
                dateline: String::new(),
                published: Date::new(y, m, d).unwrap(),
                published_raw: String::new(),
                url: String::new(),
                language: "en".into(),
            };
            build_article(format!("r{i}"), format!("r{i}.txt"), meta, format!("Report {i}\n\n{body}\n"))
        })
        .collect();
    Corpus::new(articles)
}

const TINY: Sizing = Sizing { dictionary: 200, postings: 300, positions: 300, group: 300, cards: None, ids_per_shard: 2, speakers: 300, said: 300, trails: None };

fn fetching<T>(lib: &mut Library, files: &HashMap<String, Vec<u8>>, mut read: impl FnMut(&mut Library) -> Result<T, Need>) -> T {
    for _ in 0..100 {
        lib.begin();
        match read(lib) {
            Ok(x) => return x,
            Err(Need::Fetch(refs)) => refs.iter().for_each(|r| lib.provide(&r.name, &files[&r.name]).unwrap()),
            Err(Need::Broken(e)) => panic!("{e}"),
        }
    }
    panic!("a read must not ask forever")
}

#[test]
fn the_trails_shard_holds_the_engines_trails_pointing_at_the_readers_quotations() {
    let c = corpus();
    let index = QuoteIndex::build(&c);
    let engine = Trails::build(&c, &index);
    assert_eq!(engine.trails.len(), 1);
    let set = shards::build(c.clone(), TINY, |b| b.to_vec());
    assert!(set.manifest.groups.len() >= 2, "several article groups");
    let files: HashMap<String, Vec<u8>> = set.files.iter().cloned().collect();
    let mut split = Library::open(&set.manifest_bytes, None).unwrap();
    let trails = fetching(&mut split, &files, |l| l.trails());
    assert_eq!(trails.trails.len(), 1);
    let t = &trails.trails[0];
    assert_eq!((t.outlets, t.occurrences.len(), t.longest), (3, 3, 0));
    let credited = t.speaker.unwrap() as usize;
    let named = fetching(&mut split, &files, |l| l.speakers(&[credited]));
    assert_eq!(named[0].1.name, "Ann Lee");
    for (o, e) in t.occurrences.iter().zip(&engine.trails[0].occurrences) {
        let (d, k) = unpack_quote(o.quote.expect("a listed quotation") as usize);
        assert_eq!(d, o.article as usize);
        let g = fetching(&mut split, &files, |l| l.article(d));
        assert_eq!(g.quotes(d)[k].span, o.span, "the occurrence is the reader's quotation {k} of article {d}");
        let article = g.article(d).unwrap();
        assert_eq!((o.id.as_str(), o.text.as_str()), (article.id.as_str(), article.slice(o.span)));
        assert_eq!((&o.changes, o.credit), (&e.changes, e.credit));
        assert_eq!(trails.of_quote(d, k), Some(0));
    }
    assert_eq!(t.occurrences[1].changes[0].kind, ChangeKind::Changed);
    assert!(t.occurrences.iter().all(|o| o.credit == Credit::Printed));
    assert_eq!(trails.of_speaker(t.speaker.unwrap() as usize), [0]);
    let reed = fetching(&mut split, &files, |l| l.speaker_named("Tom Reed")).unwrap();
    assert!(trails.of_speaker(reed).is_empty());

    // The inline layout reads the same shard.
    let mut inline = Library::open(&set.manifest_bytes, Some(Box::new(move |n: &str| files.get(n).cloned()))).unwrap();
    inline.begin();
    assert_eq!(*inline.trails().unwrap(), *trails);
}

#[test]
fn the_seeds_have_an_empty_trails_shard() {
    let seeds = dispatches_engine::corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).unwrap();
    let mut lib = shards::open_in_memory(seeds, None);
    lib.begin();
    assert!(lib.trails().unwrap().trails.is_empty());
}

/// The split layout also gives the reader each quotation's trail from an index by article
/// range and pages of trails: the same trail as the whole trails shard, for every quotation.
#[test]
fn a_quotations_trail_comes_from_its_ranges_index_and_its_page() {
    let c = corpus();
    let set = shards::build(c.clone(), Sizing { trails: Some(1), ..TINY }, |b| b.to_vec());
    assert!(set.manifest.trail_index.len() >= 2 && !set.manifest.trail_pages.is_empty(), "several ranges");
    let files: HashMap<String, Vec<u8>> = set.files.iter().cloned().collect();
    let mut split = Library::open(&set.manifest_bytes, None).unwrap();
    let all = fetching(&mut split, &files, |l| l.trails());
    let mut found = 0;
    for d in 0..c.articles.len() {
        for k in 0..4 {
            let mut lib = Library::open(&set.manifest_bytes, None).unwrap();
            let got = fetching(&mut lib, &files, |l| l.trail_of_quote(d, k));
            let want = all.of_quote(d, k).map(|t| all.trails[t].clone());
            assert_eq!(got, want, "article {d}, quotation {k}");
            found += got.is_some() as usize;
        }
    }
    let listed = all.trails.iter().flat_map(|t| &t.occurrences).filter(|o| o.quote.is_some()).count();
    assert!(listed >= 3);
    assert_eq!(found, listed, "every listed occurrence of every trail");
    // Inline: no index, no pages; the whole shard answers.
    let inline = shards::build(c.clone(), TINY, |b| b.to_vec());
    assert!(inline.manifest.trail_index.is_empty() && inline.manifest.trail_pages.is_empty());
    let files: HashMap<String, Vec<u8>> = inline.files.iter().cloned().collect();
    let mut lib = Library::open(&inline.manifest_bytes, None).unwrap();
    assert_eq!(fetching(&mut lib, &files, |l| l.trail_of_quote(0, 0)), all.of_quote(0, 0).map(|t| all.trails[t].clone()));
}

/// A speaker's page reads their widest trails from their record and those trails' pages: the
/// same trails, in the same order, as filtering every trail, in both layouts.
#[test]
fn a_speakers_trails_come_from_their_record() {
    let c = corpus();
    for sizing in [Sizing { trails: Some(1), ..TINY }, TINY] {
        let set = shards::build(c.clone(), sizing, |b| b.to_vec());
        let files: HashMap<String, Vec<u8>> = set.files.iter().cloned().collect();
        let mut lib = Library::open(&set.manifest_bytes, None).unwrap();
        let all = fetching(&mut lib, &files, |l| l.trails());
        let mut found = 0;
        for n in 0..lib.speaker_count() {
            let mut fresh = Library::open(&set.manifest_bytes, None).unwrap();
            let got = fetching(&mut fresh, &files, |l| l.speaker_trails(n, 3));
            let want: Vec<_> = all.of_speaker(n).into_iter().map(|t| all.trails[t].clone()).filter(|t| t.outlets >= 2).take(3).collect();
            assert_eq!(got, want, "speaker {n} ({:?})", sizing.trails);
            found += got.len();
        }
        assert!(found >= 1, "Ann Lee's statement travelled");
    }
}
