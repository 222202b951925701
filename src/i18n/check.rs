//! Catalog completeness, for `lint` and the tests: every catalog parses, has every English
//! message and no other, each with the same placeholders. Findings carry file:line:column.

use super::Said;
use crate::config::ConfigError;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;
use std::collections::{BTreeSet, HashMap};

/// A catalog's messages: id → (line, placeholders).
type Messages = HashMap<String, (usize, BTreeSet<String>)>;

/// The messages of `text`, and a finding for each place it does not parse or repeats an id.
fn messages(origin: &str, text: &str) -> (Messages, Vec<ConfigError>) {
    let mut findings = Vec::new();
    let resource = match parser::parse(text) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                // The broken entry's start: where a translator looks, not the end of file
                // where the parser gave up.
                let start = error
                    .slice
                    .as_ref()
                    .map_or(error.pos.start, |slice| slice.start);
                let at = line_column(text, start);
                let said =
                    Said::new("finding-catalog-not-fluent").text("error", error.kind.to_string());
                findings.push(ConfigError::at(origin, at, said));
            }
            resource
        }
    };
    let mut found = Messages::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for entry in &resource.body {
        let Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name;
        let nth = seen.entry(id).or_default();
        let line = line_of(text, id, *nth);
        *nth += 1;
        let mut names = BTreeSet::new();
        if let Some(pattern) = &message.value {
            placeholders(pattern, &mut names);
        }
        if found.insert(id.to_owned(), (line, names)).is_some() {
            let said = Said::new("finding-catalog-defined-twice").text("id", id);
            findings.push(ConfigError::at(origin, (line, 1), said));
        }
    }
    (found, findings)
}

/// Every finding of one catalog against the English one (`reference`), or of English alone.
pub fn findings(origin: &str, text: &str, reference: Option<(&str, &str)>) -> Vec<ConfigError> {
    let (own, mut findings) = messages(origin, text);
    let Some((reference_origin, reference_text)) = reference else {
        return findings;
    };
    let (english, _) = messages(reference_origin, reference_text);
    let mut ids: Vec<&String> = english.keys().collect();
    ids.sort_by_key(|id| english[*id].0);
    for id in ids {
        let (english_line, wanted) = &english[id];
        match own.get(id) {
            None => {
                let said = Said::new("finding-catalog-missing")
                    .text("id", id)
                    .text("reference", reference_origin)
                    .text("line", english_line.to_string());
                findings.push(ConfigError::at(origin, (1, 1), said));
            }
            Some((line, names)) if names != wanted => {
                let said = Said::new("finding-catalog-placeholders")
                    .text("id", id)
                    .said("own", listed(names))
                    .said("english", listed(wanted));
                findings.push(ConfigError::at(origin, (*line, 1), said));
            }
            Some(_) => {}
        }
    }
    let mut extra: Vec<(&String, usize)> = own
        .iter()
        .filter(|(id, _)| !english.contains_key(*id))
        .map(|(id, (line, _))| (id, *line))
        .collect();
    extra.sort_by_key(|(_, line)| *line);
    for (id, line) in extra {
        let said = Said::new("finding-catalog-not-in-english").text("id", id);
        findings.push(ConfigError::at(origin, (line, 1), said));
    }
    findings
}

/// The built-in catalogs' findings (empty when every catalog is whole).
pub fn built_in() -> Vec<ConfigError> {
    let (_, english_origin, english) = super::SOURCES[0];
    let mut all = findings(english_origin, english, None);
    for (_, origin, text) in &super::SOURCES[1..] {
        all.extend(findings(origin, text, Some((english_origin, english))));
    }
    all
}

fn listed(names: &BTreeSet<String>) -> Said {
    if names.is_empty() {
        return Said::new("finding-catalog-no-placeholders");
    }
    let names: Vec<String> = names.iter().map(|n| format!("${n}")).collect();
    Said::as_is(names.join(", "))
}

fn placeholders(pattern: &Pattern<&str>, names: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            in_expression(expression, names);
        }
    }
}

fn in_expression(expression: &Expression<&str>, names: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => in_inline(inline, names),
        Expression::Select { selector, variants } => {
            in_inline(selector, names);
            for variant in variants {
                placeholders(&variant.value, names);
            }
        }
    }
}

fn in_inline(inline: &InlineExpression<&str>, names: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            names.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                in_inline(argument, names);
            }
            for named in &arguments.named {
                in_inline(&named.value, names);
            }
        }
        InlineExpression::Placeable { expression } => in_expression(expression, names),
        _ => {}
    }
}

/// The line of the `nth` definition of `id` (`id =` at the start of a line); 1 when not
/// found.
fn line_of(text: &str, id: &str, nth: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            line.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .nth(nth)
        .map_or(1, |(i, _)| i + 1)
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::findings;

    const EN: &str =
        "a = one\nb = { $count ->\n    [one] one step\n   *[other] { $count } steps\n}\n";

    fn said(text: &str) -> Vec<String> {
        findings("ko.ftl", text, Some(("en.ftl", EN)))
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_whole_catalog_has_no_finding() {
        assert_eq!(
            said("a = 하나\nb = 단계 { $count }개\n"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn missing_extra_and_misplaced_messages_are_named_with_their_place() {
        assert_eq!(
            said("a = 하나 { $who }\nc = 셋\n"),
            [
                "ko.ftl:1:1: message `a` has placeholders $who where English has none",
                "ko.ftl:1:1: message `b` is missing (en.ftl:2)",
                "ko.ftl:2:1: message `c` is not in English: a typo, or a message no longer used",
            ]
        );
    }

    #[test]
    fn broken_syntax_and_a_repeated_id_say_where() {
        let found = said("a = 하나\nb = 단계 { $count 개\na = 둘\n");
        assert!(found[0].starts_with("ko.ftl:2:"), "{found:?}");
        assert!(
            found
                .iter()
                .any(|f| f == "ko.ftl:3:1: message `a` is defined twice"),
            "{found:?}"
        );
    }
}
