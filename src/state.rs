//! The one app state and its reducer: every change the user makes is an [`Action`].
//!
//! [`Route`] is everything a link carries (query, filters, sort, view, speaker, open article,
//! selected quote); `url` turns it into the page's query string and back. The rest of
//! [`AppState`] is how the last change should reach the browser history and where focus goes.

pub mod query;
pub mod url;

use dispatches_engine::Date;
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
    Oldest,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Relevance, Sort::Newest, Sort::Oldest];

    pub fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Relevance => "Relevance",
            Sort::Newest => "Newest",
            Sort::Oldest => "Oldest",
        }
    }

    pub fn from_key(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|k| k.key().eq_ignore_ascii_case(s.trim()))
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// Search results and filters.
    #[default]
    Search,
    /// Who said what: the speakers, or one speaker's quotes.
    Speakers,
    /// Quote trails: quotations several outlets ran, widest first.
    Trails,
}

/// Everything a link carries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Route {
    pub query: String,
    /// Selected outlets, by their name in the corpus.
    pub outlets: Vec<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub sort: Sort,
    pub view: View,
    /// The speaker shown in the who-said-what view, by name.
    pub speaker: Option<String>,
    /// The article open in the reader, by id (the file stem).
    pub article: Option<String>,
    /// The selected quotation of the open article: its 1-based number among the article's quotes.
    pub quote: Option<usize>,
    /// Who said what: the "Find a speaker" box's text and the list's order (in the URL, so
    /// going back from a speaker's page finds the list as it was left).
    pub who: String,
    pub who_order: crate::state::query::SpeakerOrder,
}

impl Route {
    pub fn has_filters(&self) -> bool {
        !self.outlets.is_empty() || self.from.is_some() || self.to.is_some()
    }
}

/// How the last change reaches the browser history.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HistoryMode {
    /// Nothing to write (start-up, or the change came from the history itself).
    #[default]
    None,
    /// A refinement of the same screen (typing, filters, sort): replace the entry.
    Replace,
    /// A navigation (open an article, change view, choose a speaker): a new entry.
    Push,
}

/// Where focus should go after the next render.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Focus {
    #[default]
    None,
    /// The search box.
    Search,
    /// The element carrying `data-focus` equal to this key (a result link, a quote link,
    /// a speaker button…), falling back to the search box or the page heading.
    Key(String),
    /// The main heading of the screen.
    Heading,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState {
    pub route: Route,
    pub history: HistoryMode,
    pub focus: Focus,
    /// Bumped whenever `focus` is set, so the same target can be focused twice.
    pub focus_seq: u32,
    /// Friendly notes about parts of a link that could not be used.
    pub notices: Vec<String>,
}

impl AppState {
    pub fn new(route: Route, notices: Vec<String>) -> AppState {
        AppState { route, notices, ..AppState::default() }
    }
}

pub enum Action {
    SetQuery(String),
    ToggleOutlet(String),
    SetFrom(Option<Date>),
    SetTo(Option<Date>),
    /// Sets both ends of the date range (the timeline).
    SetRange(Option<Date>, Option<Date>),
    SetSort(Sort),
    ClearFilters,
    /// Opens an article in the reader, optionally at one of its quotes (1-based).
    Open { article: String, quote: Option<usize> },
    /// Leaves the reader (Escape, the back control) without going through the history.
    Close,
    ShowView(View),
    SelectSpeaker(Option<String>),
    /// The who-said-what list: the name typed in its box, and its order.
    SetWho(String),
    SetWhoOrder(crate::state::query::SpeakerOrder),
    /// The history moved (back/forward): take the route from the URL.
    Restore(Route, Vec<String>),
    /// "/" pressed: leave the reader if open and focus the search box.
    FocusSearch,
    DismissNotices,
}

fn focus_key_for(route: &Route) -> Option<String> {
    let article = route.article.as_ref()?;
    Some(match (route.view, route.quote) {
        (View::Speakers, Some(q)) => format!("q:{article}:{q}"),
        _ => format!("a:{article}"),
    })
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.history = HistoryMode::Replace;
        let mut focus = None;
        match action {
            Action::SetQuery(q) => next.route.query = q,
            Action::ToggleOutlet(o) => {
                if let Some(i) = next.route.outlets.iter().position(|x| *x == o) {
                    next.route.outlets.remove(i);
                } else {
                    next.route.outlets.push(o);
                    dispatches_engine::search::sort::sort(&mut next.route.outlets);
                }
            }
            Action::SetFrom(d) => next.route.from = d,
            Action::SetTo(d) => next.route.to = d,
            Action::SetRange(from, to) => {
                next.route.from = from;
                next.route.to = to;
            }
            Action::SetSort(s) => next.route.sort = s,
            Action::ClearFilters => {
                next.route.outlets.clear();
                next.route.from = None;
                next.route.to = None;
                focus = Some(Focus::Search);
            }
            Action::Open { article, quote } => {
                next.route.article = Some(article);
                next.route.quote = quote;
                next.history = HistoryMode::Push;
            }
            Action::Close => {
                focus = Some(focus_key_for(&self.route).map(Focus::Key).unwrap_or(Focus::Heading));
                next.route.article = None;
                next.route.quote = None;
                next.history = HistoryMode::Push;
            }
            Action::ShowView(v) => {
                next.route.view = v;
                next.route.article = None;
                next.route.quote = None;
                next.route.speaker = None;
                next.route.who.clear();
                next.route.who_order = Default::default();
                next.history = HistoryMode::Push;
                focus = Some(Focus::Heading);
            }
            Action::SelectSpeaker(s) => {
                let previous = self.route.speaker.clone();
                next.route.view = View::Speakers;
                next.route.speaker = s.clone();
                next.route.article = None;
                next.route.quote = None;
                next.history = HistoryMode::Push;
                focus = Some(match (s, previous) {
                    (None, Some(p)) => Focus::Key(format!("s:{p}")),
                    _ => Focus::Heading,
                });
            }
            Action::SetWho(w) => next.route.who = w,
            Action::SetWhoOrder(o) => next.route.who_order = o,
            Action::Restore(route, notices) => {
                next.history = HistoryMode::None;
                // Leaving the reader or a speaker by the history: focus what led there.
                if self.route.article.is_some() && route.article.is_none() {
                    focus = focus_key_for(&self.route).map(Focus::Key);
                } else if self.route.speaker.is_some() && route.speaker.is_none() && route.view == View::Speakers {
                    focus = self.route.speaker.as_ref().map(|p| Focus::Key(format!("s:{p}")));
                } else if route.view != self.route.view || route.speaker != self.route.speaker {
                    focus = Some(Focus::Heading);
                }
                next.route = route;
                next.notices = notices;
            }
            Action::FocusSearch => {
                if next.route.article.is_some() || next.route.view != View::Search {
                    next.route.article = None;
                    next.route.quote = None;
                    next.route.view = View::Search;
                    next.route.speaker = None;
                    next.history = HistoryMode::Push;
                } else {
                    next.history = HistoryMode::None;
                }
                focus = Some(Focus::Search);
            }
            Action::DismissNotices => {
                next.notices.clear();
                next.history = HistoryMode::None;
            }
        }
        if let Some(f) = focus {
            next.focus = f;
            next.focus_seq = self.focus_seq.wrapping_add(1);
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(s: AppState, a: Action) -> AppState {
        (*Rc::new(s).reduce(a)).clone()
    }

    #[test]
    fn closing_the_reader_focuses_the_result_it_came_from() {
        let s = reduce(AppState::default(), Action::Open { article: "x".into(), quote: None });
        assert_eq!(s.history, HistoryMode::Push);
        let s = reduce(s, Action::Close);
        assert_eq!(s.route.article, None);
        assert_eq!(s.focus, Focus::Key("a:x".into()));
    }

    #[test]
    fn typing_replaces_and_filters_toggle() {
        let s = reduce(AppState::default(), Action::SetQuery("aleppo".into()));
        assert_eq!(s.history, HistoryMode::Replace);
        let s = reduce(s, Action::ToggleOutlet("TIME".into()));
        let s = reduce(s, Action::ToggleOutlet("Middle East Eye".into()));
        assert_eq!(s.route.outlets, vec!["Middle East Eye".to_string(), "TIME".to_string()]);
        let s = reduce(s, Action::ToggleOutlet("TIME".into()));
        assert_eq!(s.route.outlets, vec!["Middle East Eye".to_string()]);
        let s = reduce(s, Action::ClearFilters);
        assert!(!s.route.has_filters());
        assert_eq!(s.route.query, "aleppo");
    }

    #[test]
    fn the_speaker_box_replaces_and_a_new_view_starts_it_empty() {
        let s = reduce(AppState::default(), Action::ShowView(View::Speakers));
        let s = reduce(s, Action::SetWho("egel".into()));
        assert_eq!(s.history, HistoryMode::Replace);
        let s = reduce(s, Action::SetWhoOrder(crate::state::query::SpeakerOrder::Name));
        let s = reduce(s, Action::SelectSpeaker(Some("Jan Egeland".into())));
        let s = reduce(s, Action::SelectSpeaker(None));
        assert_eq!((s.route.who.as_str(), s.route.who_order), ("egel", crate::state::query::SpeakerOrder::Name), "back on the list as it was left");
        let s = reduce(s, Action::ShowView(View::Search));
        let s = reduce(s, Action::ShowView(View::Speakers));
        assert_eq!((s.route.who.as_str(), s.route.who_order), ("", crate::state::query::SpeakerOrder::Quotes));
    }

    #[test]
    fn back_from_the_reader_restores_focus() {
        let s = reduce(AppState::default(), Action::Open { article: "x".into(), quote: None });
        let s = reduce(s, Action::Restore(Route::default(), vec![]));
        assert_eq!(s.history, HistoryMode::None);
        assert_eq!(s.focus, Focus::Key("a:x".into()));
    }
}
