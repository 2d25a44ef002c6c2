//! Closed word classes of English news prose used by the attribution rules.
//!
//! Every list is general English (function words, reporting verbs, titles, organisation nouns);
//! none names a person, place or outlet of a particular corpus. Lookups take the word as it
//! appears and fold ASCII case into a small buffer, so no allocation happens per token.

/// `w` lower-cased into `buf` (ASCII words of at most 32 bytes; `’` counts as `'`), else "".
pub(crate) fn lower<'a>(w: &str, buf: &'a mut [u8; 32]) -> &'a str {
    let mut n = 0;
    for c in w.chars() {
        let c = if c == '’' { '\'' } else { c };
        if !c.is_ascii() || n >= buf.len() {
            return "";
        }
        buf[n] = c.to_ascii_lowercase() as u8;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).unwrap_or("")
}

macro_rules! word_class {
    ($(#[$m:meta])* $name:ident: $($w:literal)|+) => {
        $(#[$m])*
        pub(crate) fn $name(w: &str) -> bool {
            let mut buf = [0u8; 32];
            matches!(lower(w, &mut buf), $($w)|+)
        }
    };
}

word_class!(
    /// Reporting verbs in every form a news sentence uses. Forms that are also common nouns
    /// ("claims", "reports") are checked for a determiner before them by the caller.
    is_cue_word:
    "say" | "says" | "said" | "saying" | "tell" | "tells" | "told" | "telling" | "add" | "adds" | "added"
    | "adding" | "warn" | "warns" | "warned" | "warning" | "tweet" | "tweets" | "tweeted" | "tweeting" | "write"
    | "writes" | "wrote" | "ask" | "asks" | "asked" | "asking" | "vow" | "vows" | "vowed" | "vowing" | "explain"
    | "explains" | "explained" | "explaining" | "describe" | "describes" | "described" | "describing" | "claim"
    | "claims" | "claimed" | "claiming" | "stated" | "note" | "notes" | "noted" | "noting" | "insist" | "insists"
    | "insisted" | "insisting" | "argue" | "argues" | "argued" | "arguing" | "declare" | "declares" | "declared"
    | "declaring" | "announce" | "announces" | "announced" | "announcing" | "recall" | "recalls" | "recalled"
    | "recalling" | "reply" | "replies" | "replied" | "replying" | "respond" | "responds" | "responded"
    | "responding" | "answered" | "acknowledge" | "acknowledges" | "acknowledged" | "admit" | "admits" | "admitted"
    | "concede" | "concedes" | "conceded" | "confirm" | "confirms" | "confirmed" | "emphasize" | "emphasizes"
    | "emphasized" | "emphasise" | "emphasises" | "emphasised" | "stress" | "stresses" | "stressed" | "stressing"
    | "suggest" | "suggests" | "suggested" | "predict" | "predicts" | "predicted" | "promise" | "promises"
    | "promised" | "pledge" | "pledges" | "pledged" | "urge" | "urges" | "urged" | "urging" | "caution"
    | "cautions" | "cautioned" | "complain" | "complains" | "complained" | "conclude" | "concludes" | "concluded"
    | "observe" | "observes" | "observed" | "remark" | "remarks" | "remarked" | "reported" | "posted" | "posting"
    | "texted" | "shouted" | "screamed" | "cried" | "whispered" | "joked" | "jokes" | "boasted" | "boasts"
    | "countered" | "counters" | "demand" | "demands" | "demanded" | "demanding" | "allege" | "alleges" | "alleged"
    | "contend" | "contends" | "contended" | "mused" | "quipped" | "quips" | "testified" | "recounted" | "recounts"
    | "reiterated" | "reiterates" | "affirmed" | "asserted" | "asserts" | "mentioned" | "commented" | "proclaimed"
    | "exclaimed" | "yelled" | "pleaded" | "begged" | "lamented" | "laments" | "continued" | "continues" | "called"
    | "calls" | "calling" | "according" | "quoted" | "wondered" | "wonders" | "sang" | "chanted" | "maintained"
    | "maintains" | "threatened" | "threatens" | "retorted" | "retorts" | "scoffed" | "railed" | "fumed"
    | "writing" | "accused" | "accuses" | "accusing" | "charged" | "charges" | "charging" | "reports" | "states"
    | "call" | "reminded" | "reminds" | "clarified" | "clarifies" | "revealed" | "reveals" | "disclosed" | "discloses"
);

word_class!(
    /// Verbs of judgement that give the subject's words only with an object and a quotation
    /// after it ("labeled the bill “a disaster”", "praised the deal as “historic”").
    is_judgement_verb:
    "labeled" | "labelled" | "labels" | "labeling" | "labelling" | "dubbed" | "dubs" | "branded" | "brands"
    | "branding" | "termed" | "terms" | "praised" | "praises" | "praising" | "hailed" | "hails" | "hailing"
    | "derided" | "derides" | "deriding" | "denounced" | "denounces" | "denouncing" | "dismissed" | "dismisses"
    | "dismissing" | "decried" | "decries" | "decrying" | "slammed" | "slams" | "slamming" | "blasted" | "blasts"
    | "blasting" | "characterized" | "characterizes" | "characterizing" | "characterised" | "characterises"
    | "deemed" | "deems" | "criticized" | "criticizes" | "criticised" | "condemned" | "condemns" | "condemning"
    | "lauded" | "lauds" | "touted" | "touts" | "touting" | "mocked" | "mocks" | "mocking" | "ridiculed"
    | "lambasted" | "lambastes" | "blamed" | "blames" | "blaming"
);

word_class!(
    /// Cue forms that are also nouns: a determiner before them makes them nouns.
    is_noun_like_cue:
    "claim" | "claims" | "note" | "notes" | "remark" | "remarks" | "demand" | "demands" | "promise" | "promises" | "pledge"
    | "pledges" | "calls" | "tweet" | "tweets" | "warning" | "caution" | "stress" | "reply" | "replies"
    | "continued" | "continues" | "posting" | "accused" | "charges" | "reports" | "states" | "call"
);

word_class!(
    /// `-ing` cues whose subject is the clause's subject ("…, adding that …").
    is_participle_cue:
    "saying" | "adding" | "warning" | "explaining" | "describing" | "claiming" | "noting" | "insisting" | "arguing"
    | "declaring" | "announcing" | "recalling" | "replying" | "responding" | "stressing" | "urging" | "demanding"
    | "telling" | "asking" | "calling" | "vowing" | "tweeting" | "posting" | "writing" | "accusing" | "charging"
);

word_class!(
    /// Cues of a reporting medium rather than a speaker: used only when nothing better exists.
    is_report_cue:
    "reported" | "according"
);

word_class!(
    is_pronoun:
    "he" | "she" | "it" | "they" | "him" | "her" | "them" | "i" | "we"
);

word_class!(
    is_determiner:
    "a" | "an" | "the" | "one" | "another" | "two" | "three" | "four" | "several" | "some" | "many" | "these"
    | "those" | "his" | "her" | "their" | "its" | "our" | "my" | "this" | "other" | "both" | "most" | "few"
);

word_class!(
    is_preposition:
    "of" | "for" | "with" | "at" | "from" | "in" | "on" | "by" | "about" | "near" | "inside" | "outside" | "under"
    | "over" | "into" | "to" | "within" | "across" | "against" | "among" | "between" | "toward" | "towards"
    | "during" | "like" | "amid" | "throughout" | "behind" | "via" | "after" | "before" | "since"
);

word_class!(
    /// Words that end a noun phrase when read backwards from a verb (conjunctions, auxiliaries).
    is_clause_break:
    "that" | "and" | "but" | "or" | "while" | "when" | "as" | "because" | "where" | "if" | "though" | "although"
    | "so" | "than" | "whether" | "what" | "is" | "was" | "are" | "were" | "be" | "been" | "being" | "has" | "have"
    | "had" | "do" | "does" | "did" | "not" | "will" | "would" | "can" | "could" | "may" | "might" | "must"
    | "should" | "who" | "which" | "whom" | "whose" | "why" | "how" | "until" | "unless" | "nor" | "yet" | "then"
    | "also" | "there" | "here" | "once" | "said" | "says" | "told"
);

word_class!(
    is_relative:
    "who" | "which" | "whose" | "whom" | "where" | "that"
);

word_class!(
    /// Words that may sit between a subject and its cue ("Colville also said").
    is_adverb_or_aux:
    "also" | "later" | "previously" | "then" | "has" | "had" | "have" | "would" | "will" | "earlier" | "again"
    | "once" | "recently" | "reportedly" | "publicly" | "privately" | "just" | "even" | "further" | "simply"
    | "repeatedly" | "initially" | "separately" | "subsequently" | "still" | "already" | "often" | "frequently"
    | "never" | "always" | "first" | "last" | "quickly" | "immediately" | "flatly" | "angrily" | "bluntly"
    | "tearfully" | "quietly" | "softly" | "proudly" | "told" | "can" | "could" | "may" | "might" | "did" | "does"
    | "do"
);

word_class!(
    /// Capitalised words that start sentences without being names.
    is_function_word:
    "the" | "a" | "an" | "in" | "on" | "at" | "but" | "and" | "or" | "however" | "meanwhile" | "when" | "while"
    | "after" | "before" | "although" | "though" | "if" | "as" | "since" | "for" | "with" | "without" | "by"
    | "from" | "some" | "many" | "most" | "all" | "both" | "each" | "other" | "such" | "this" | "that" | "these"
    | "those" | "there" | "here" | "it" | "he" | "she" | "they" | "we" | "i" | "you" | "his" | "her" | "their"
    | "our" | "my" | "your" | "its" | "even" | "still" | "yet" | "so" | "then" | "now" | "later" | "earlier"
    | "also" | "only" | "just" | "according" | "during" | "despite" | "under" | "over" | "among" | "amid"
    | "amidst" | "between" | "through" | "into" | "of" | "to" | "across" | "around" | "along" | "against"
    | "toward" | "towards" | "within" | "last" | "next" | "first" | "once" | "another" | "one" | "two" | "three"
    | "no" | "not" | "nor" | "what" | "where" | "who" | "why" | "how" | "which" | "whose" | "because" | "until"
    | "unless" | "whether" | "instead" | "indeed" | "thus" | "therefore" | "moreover" | "furthermore" | "besides"
    | "overall" | "finally" | "again" | "already" | "nearly" | "almost" | "about" | "above" | "below" | "near"
    | "behind" | "beyond" | "upon" | "per" | "via" | "let" | "do" | "does" | "did" | "is" | "was" | "are" | "were"
    | "be" | "been" | "has" | "have" | "had" | "will" | "would" | "can" | "could" | "may" | "might" | "must"
    | "should" | "more" | "less" | "few" | "several" | "every" | "any" | "none" | "everyone" | "someone" | "anyone"
    | "nothing" | "something" | "everything" | "yes" | "read" | "photo" | "watch" | "see" | "like" | "unlike"
    | "asked" | "today" | "yesterday" | "tomorrow" | "tonight" | "monday" | "tuesday" | "wednesday" | "thursday"
    | "friday" | "saturday" | "sunday" | "mr" | "mrs" | "ms" | "dr" | "update" | "regardless" | "nonetheless"
    | "nevertheless" | "otherwise" | "anyway" | "afterward" | "afterwards" | "hence" | "likewise"
);

word_class!(
    /// Titles and ranks printed before a name ("Foreign Minister", "Gen.", "Mr").
    is_title:
    "mr" | "mrs" | "ms" | "miss" | "dr" | "prof" | "professor" | "sir" | "dame" | "lord" | "lady" | "rev"
    | "reverend" | "father" | "president" | "vice" | "prime" | "minister" | "secretary" | "general"
    | "secretary-general" | "deputy" | "foreign" | "defense" | "defence" | "interior" | "senator" | "sen" | "rep"
    | "representative" | "congressman" | "congresswoman" | "governor" | "gov" | "mayor" | "chancellor" | "king"
    | "queen" | "prince" | "princess" | "pope" | "judge" | "justice" | "chief" | "captain" | "capt" | "colonel"
    | "col" | "lt" | "lieutenant" | "major" | "maj" | "sergeant" | "sgt" | "commander" | "cmdr" | "admiral" | "adm"
    | "gen" | "ambassador" | "spokesman" | "spokeswoman" | "spokesperson" | "director" | "chairman" | "chairwoman"
    | "chair" | "ceo" | "speaker" | "leader" | "attorney" | "assistant" | "special" | "envoy" | "commissioner"
    | "senior" | "officer" | "inspector" | "detective" | "det" | "agent" | "coach" | "pastor" | "rabbi" | "imam"
    | "cardinal" | "bishop" | "archbishop" | "emir" | "ayatollah" | "sultan" | "president-elect" | "treasurer"
    | "delegate" | "councilman" | "councilwoman" | "councillor" | "councilor" | "superintendent" | "premier"
    | "sheriff" | "mp" | "sec" | "supt" | "gov." | "state" | "undersecretary" | "under-secretary" | "economy"
    | "finance" | "health" | "trade" | "energy" | "education" | "army" | "navy" | "private" | "pvt" | "corporal"
    | "cpl" | "marshal" | "field" | "crown" | "first" | "executive" | "high" | "chief-of-staff" | "counsel" | "whip"
    | "former" | "prosecutor" | "justices" | "presidents" | "senators" | "governors" | "secretaries" | "ministers"
    | "majority" | "minority" | "anchor" | "host" | "correspondent" | "columnist" | "editor" | "analyst" | "strategist"
    | "pollster" | "economist" | "adviser" | "advisor" | "administrator" | "commentator" | "founder"
    | "co-founder" | "cofounder" | "lawmaker" | "activist" | "author" | "historian" | "nominee" | "candidate"
    | "comptroller" | "auditor" | "cantor" | "member" | "broadcaster" | "pilot" | "actor" | "actress" | "comedian"
    | "singer" | "rapper" | "lawyer" | "physician" | "surgeon" | "nurse" | "teacher" | "scientist" | "researcher"
    | "journalist" | "reporter" | "producer" | "filmmaker" | "entrepreneur" | "philanthropist" | "billionaire"
    | "investor" | "novelist" | "musician" | "quarterback" | "businessman" | "businesswoman" | "conservative"
    | "liberal" | "pundit" | "blogger" | "podcaster" | "televangelist" | "evangelist" | "preacher" | "chef"
    | "user" | "photographer" | "resident" | "student"
);

word_class!(
    /// Courtesy titles: stripped from names but not a role.
    is_honorific:
    "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "dame" | "mx"
);

word_class!(
    /// Abbreviations whose full stop does not end a sentence.
    is_abbreviation:
    "mr" | "mrs" | "ms" | "dr" | "prof" | "st" | "jr" | "sr" | "gov" | "sen" | "rep" | "gen" | "lt" | "col"
    | "capt" | "sgt" | "maj" | "adm" | "rev" | "hon" | "jan" | "feb" | "mar" | "apr" | "aug" | "sept" | "sep"
    | "oct" | "nov" | "dec" | "no" | "vs" | "mt" | "ft" | "inc" | "corp" | "ltd" | "co" | "bros" | "cmdr" | "det"
    | "supt" | "pvt" | "cpl" | "e.g" | "i.e" | "etc" | "approx" | "est" | "sec" | "dept" | "univ" | "ave" | "blvd"
);

word_class!(
    /// Words that begin sentences, used after an abbreviation such as "U.S." to see a new one.
    is_sentence_starter:
    "the" | "he" | "she" | "it" | "they" | "we" | "i" | "but" | "in" | "a" | "an" | "this" | "that" | "there"
    | "his" | "her" | "their" | "on" | "at" | "after" | "as" | "if" | "when" | "while" | "meanwhile" | "however"
    | "and" | "some" | "many" | "most" | "according" | "last" | "earlier" | "later"
);

word_class!(
    /// Capitalised words that make a name an organisation.
    is_org_word:
    "office" | "council" | "ministry" | "committee" | "observatory" | "agency" | "nations" | "union" | "army"
    | "forces" | "force" | "group" | "department" | "commission" | "organization" | "organisation" | "institute"
    | "association" | "news" | "network" | "center" | "centre" | "cross" | "crescent" | "court" | "government"
    | "party" | "bank" | "fund" | "university" | "college" | "school" | "house" | "senate" | "congress"
    | "parliament" | "police" | "defense" | "defence" | "command" | "coalition" | "media" | "foundation" | "corp"
    | "corporation" | "inc" | "company" | "co" | "board" | "authority" | "service" | "services" | "times" | "post"
    | "journal" | "press" | "bureau" | "administration" | "campaign" | "movement" | "front" | "brigade"
    | "battalion" | "alliance" | "federation" | "league" | "society" | "trust" | "watch" | "hospital" | "program"
    | "programme" | "secretariat" | "assembly" | "cabinet" | "embassy" | "consulate" | "mission" | "club" | "team"
    | "church" | "airlines" | "airways" | "ltd" | "llc" | "partners" | "holdings" | "industries" | "systems"
    | "technologies" | "studios" | "reuters" | "afp" | "ap" | "tv" | "radio" | "channel" | "daily" | "herald"
    | "tribune" | "guardian" | "telegraph" | "gazette" | "magazine" | "international" | "staff" | "republicans"
    | "democrats" | "fbi" | "cia" | "pentagon" | "kremlin" | "nato" | "un" | "u.n" | "eu" | "who" | "unicef"
    | "unhcr" | "fire" | "rescue" | "red" | "ngo" | "white"
);

word_class!(
    /// Lower-case head nouns of organisations ("the news agency", "the ministry").
    is_org_noun:
    "outlet" | "agency" | "group" | "ministry" | "office" | "newspaper" | "paper" | "broadcaster" | "network"
    | "organisation" | "organization" | "company" | "firm" | "channel" | "website" | "site" | "station"
    | "government" | "council" | "committee" | "army" | "military" | "police" | "department" | "authority"
    | "authorities" | "coalition" | "alliance" | "observatory" | "monitor" | "administration" | "campaign"
    | "party" | "court" | "commission" | "union" | "embassy" | "team" | "bank" | "fund" | "institute"
    | "university" | "school" | "hospital" | "board" | "center" | "centre" | "service" | "bureau" | "regime"
    | "movement" | "faction" | "factions" | "brigade" | "battalion" | "body" | "watchdog" | "charity" | "ngo"
    | "nonprofit" | "groups" | "agencies" | "ministries" | "governments" | "companies" | "media" | "tv"
    | "broadcast" | "daily" | "magazine" | "journal" | "lab" | "laboratory" | "association" | "federation"
    | "league" | "club" | "church" | "state" | "country" | "city" | "county" | "white" | "kremlin" | "pentagon"
    | "airline" | "manufacturer" | "retailer" | "startup" | "platform"
);

word_class!(
    /// Nouns of documents and messages: "a statement saying …" is said by whoever issued it.
    is_document_noun:
    "statement" | "proposal" | "report" | "letter" | "message" | "post" | "tweet" | "video" | "document"
    | "resolution" | "bulletin" | "communique" | "release" | "filing" | "memo" | "study" | "survey" | "poll"
    | "analysis" | "lawsuit" | "complaint" | "ruling" | "order" | "decision" | "email" | "e-mail" | "note"
    | "interview" | "speech" | "editorial" | "op-ed" | "article" | "broadcast" | "footage" | "transcript" | "plan"
    | "petition" | "appeal" | "announcement" | "book" | "paper" | "website" | "tweets" | "posts" | "remarks"
    | "text" | "sign" | "banner" | "headline" | "caption" | "slogan" | "advisory" | "assessment" | "guidance"
);

word_class!(
    /// Nouns of sayings: "the old adage", "a proverb", "as the saying goes". Words that belong
    /// to everyone, so a quotation credited to one is nobody's statement.
    is_saying_noun:
    "adage" | "saying" | "proverb" | "maxim" | "aphorism" | "idiom" | "expression" | "cliche" | "cliché"
    | "dictum" | "axiom" | "truism" | "motto" | "mantra"
);

word_class!(
    /// Party members named by party ("the Texas Republican"): a description of a person.
    is_party_member:
    "democrat" | "republican" | "conservative" | "liberal" | "socialist" | "libertarian" | "tory" | "independent"
    | "progressive" | "centrist" | "populist"
);

word_class!(
    /// Heads of time phrases ("the other day", "last week"): never a speaker.
    is_time_noun:
    "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years" | "morning" | "afternoon"
    | "evening" | "night" | "time" | "weekend" | "hour" | "hours" | "minute" | "minutes" | "moment" | "decade"
    | "today" | "yesterday" | "tonight"
);

word_class!(
    is_male_word:
    "man" | "husband" | "father" | "son" | "brother" | "boy" | "spokesman" | "chairman" | "mr" | "king" | "prince"
    | "uncle" | "grandfather" | "businessman" | "congressman" | "councilman" | "nephew" | "grandson" | "sir"
    | "lord" | "gentleman" | "he" | "him" | "his" | "dad" | "monk" | "actor" | "waiter" | "policeman" | "fireman"
    | "sheikh"
);

word_class!(
    is_female_word:
    "woman" | "wife" | "mother" | "daughter" | "sister" | "girl" | "spokeswoman" | "chairwoman" | "mrs" | "ms"
    | "miss" | "queen" | "princess" | "aunt" | "grandmother" | "businesswoman" | "congresswoman" | "councilwoman"
    | "niece" | "granddaughter" | "dame" | "lady" | "she" | "her" | "mom" | "mum" | "nun" | "actress" | "waitress"
    | "policewoman" | "widow" | "girlfriend" | "bride"
);

word_class!(
    /// Lower-case particles inside personal names ("Ibn", "al", "van der").
    is_name_particle:
    "al" | "el" | "bin" | "ibn" | "bint" | "de" | "da" | "del" | "della" | "der" | "di" | "du" | "van" | "von"
    | "la" | "le" | "dos" | "das" | "ul" | "abu" | "ben" | "st"
);

/// Capitalised like a name: "Egeland", "al-Haj", "a-Zinki", "McDonald", "U.N.".
pub(crate) fn is_capitalized(w: &str) -> bool {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if c.is_lowercase() => {
            // A short lower-case prefix joined by a hyphen: al-Haj, e-Din, a-Zinki.
            if let Some(h) = w.find('-') {
                h <= 3 && w[h + 1..].chars().next().map_or(false, char::is_uppercase)
            } else {
                false
            }
        }
        _ => false,
    }
}

/// All capitals (with optional dots), two letters or more: "UN", "U.N", "AFP".
pub(crate) fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// "Aleppo’s", "Reuters'" (the possessive form of a word).
pub(crate) fn is_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s")
}

/// A plural noun head ("sources", "officials"), roughly.
pub(crate) fn is_plural_noun(w: &str) -> bool {
    let mut buf = [0u8; 32];
    let l = lower(w, &mut buf);
    l.len() > 3 && l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("us") && !l.ends_with("is") && !matches!(l, "news" | "series" | "species" | "police")
        || matches!(l, "people" | "police" | "men" | "women" | "children" | "staff" | "authorities")
}
