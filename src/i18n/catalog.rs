//! The compiled-in catalogs, parsed once. Messages without placeholders are formatted once
//! too, so a view asking for a word every frame gets a `&'static str` and allocates nothing.

use super::LANGUAGES;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::collections::HashMap;
use std::sync::LazyLock;

/// (language, file shown in findings, text), in the order of [`LANGUAGES`].
pub static SOURCES: [(&str, &str, &str); 5] = [
    (
        "en",
        "locales/en/healthdeck.ftl",
        include_str!("../../locales/en/healthdeck.ftl"),
    ),
    (
        "ko",
        "locales/ko/healthdeck.ftl",
        include_str!("../../locales/ko/healthdeck.ftl"),
    ),
    (
        "ja",
        "locales/ja/healthdeck.ftl",
        include_str!("../../locales/ja/healthdeck.ftl"),
    ),
    (
        "zh-TW",
        "locales/zh-TW/healthdeck.ftl",
        include_str!("../../locales/zh-TW/healthdeck.ftl"),
    ),
    (
        "pt-BR",
        "locales/pt-BR/healthdeck.ftl",
        include_str!("../../locales/pt-BR/healthdeck.ftl"),
    ),
];

struct Catalog {
    bundle: FluentBundle<FluentResource>,
    plain: HashMap<String, String>,
}

/// Each language is parsed at its first lookup: a console needs its own and English (the
/// fallback), not all five (BENCHMARKS "Languages").
static CATALOGS: [LazyLock<Catalog>; 5] = [
    LazyLock::new(|| built(0)),
    LazyLock::new(|| built(1)),
    LazyLock::new(|| built(2)),
    LazyLock::new(|| built(3)),
    LazyLock::new(|| built(4)),
];

fn built(index: usize) -> Catalog {
    let (code, _, text) = SOURCES[index];
    build(code, text)
}

/// Builds a language's catalog afresh, as its first lookup does; the number of messages
/// that need no placeholder. For the bench: the console's catalogs are built once.
pub fn build_again(language: &str) -> usize {
    let index = LANGUAGES.iter().position(|l| *l == language).unwrap_or(0);
    built(index).plain.len()
}

/// One language's bundle. A catalog that does not parse keeps what did: the test and
/// `lint` report the rest with its place, and English fills the gaps.
fn build(code: &str, text: &str) -> Catalog {
    let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(partial, _)| partial);
    let language = code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // Unicode isolation marks (FSI/PDI) are invisible in a browser, but a terminal draws them.
    bundle.set_use_isolating(false);
    let ids = ids_of(&resource);
    // A duplicate id is a finding of the check; the first one wins here.
    let _ = bundle.add_resource(resource);
    let mut plain = HashMap::new();
    for id in ids {
        let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, None, &mut errors);
        if errors.is_empty() {
            plain.insert(id, text.into_owned());
        }
    }
    Catalog { bundle, plain }
}

fn ids_of(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// The ids of a language's catalog, in file order.
pub fn message_ids(language: &str) -> Vec<String> {
    let index = LANGUAGES.iter().position(|l| *l == language).unwrap_or(0);
    let resource =
        FluentResource::try_new(SOURCES[index].2.to_owned()).unwrap_or_else(|(partial, _)| partial);
    ids_of(&resource)
}

/// Whether English, the reference, has a message `id`.
pub(super) fn knows(id: &str) -> bool {
    CATALOGS[0].bundle.has_message(id)
}

pub(super) fn plain(language: usize, id: &str) -> Option<&'static str> {
    CATALOGS.get(language)?.plain.get(id).map(String::as_str)
}

pub(super) fn format(language: usize, id: &str, args: &FluentArgs) -> Option<String> {
    let bundle = &CATALOGS.get(language)?.bundle;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    // A placeholder the caller did not fill shows as `{$name}`: better English than that.
    errors.is_empty().then(|| text.into_owned())
}
