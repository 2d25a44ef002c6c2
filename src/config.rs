//! How the app is mounted: standalone page, inside an iframe, or inside the
//! `<dispatches-explorer>` custom element. Decided at start-up, read-only afterwards.

/// Colour theme requested by the host.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// `light`, `dark` or anything else (auto), as in the `theme` attribute or `?theme=`.
    pub fn parse(s: &str) -> Theme {
        match s.trim().to_ascii_lowercase().as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    /// The value written to `data-theme` on the app's root (`auto`, `light`, `dark`).
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Where the app runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mount {
    /// Its own page (index.html), top-level.
    #[default]
    Standalone,
    /// index.html inside an `<iframe>` on someone else's page (or forced with `?embed=1`).
    Frame,
    /// Inside the shadow root of a `<dispatches-explorer>` element on a host page: the
    /// document, its title, its URL (unless `url_state`) and its global key presses belong to
    /// the host.
    Element,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppConfig {
    /// Read and write the page URL (query, filters, open article…). True for the standalone
    /// page and iframes; for the custom element only with its `url-state` attribute.
    pub url_state: bool,
    /// Running inside an iframe or a host page: drop the site chrome (masthead).
    pub embedded: bool,
    /// Denser layout for small embeds.
    pub compact: bool,
    pub theme: Theme,
    /// Initial query and outlet filter given by the host (custom element attributes).
    pub preset_query: Option<String>,
    pub preset_sources: Vec<String>,
    /// What the visitor typed into index.html's search box before the app started (see
    /// `lib.rs`, `take_shell`): it wins over the URL's and the host's query.
    pub typed_query: Option<String>,
    /// Where the app runs; `embedded` is true for `Frame` and `Element`.
    pub mount: Mount,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig { url_state: true, embedded: false, compact: false, theme: Theme::Auto, preset_query: None, preset_sources: Vec::new(), typed_query: None, mount: Mount::Standalone }
    }
}
