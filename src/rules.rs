//! House rules: checks a newsroom writes as data instead of code. A rule
//! file is TOML with one `[[rule]]` table per rule: an id, a severity, a
//! message, a regular expression (`pattern`, with an optional `unless` that
//! vetoes a match starting at the same place), a scope (inside quotes,
//! narrative outside quotes, or all of the text) and what a match produces
//! (a finding, or a `statement` claim to verify).
//!
//! The default set ships in `data/rules/` in the same format and is
//! compiled in. A user's file (`--rules FILE`, or `factsheet.toml` in the
//! working folder) adds to it; a rule with a default rule's id replaces it.
//! Patterns are compiled once per run, with a size limit, and a bad one is
//! a one-line error naming the file, the line and the rule.

use std::path::Path;
use std::sync::LazyLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use serde::Deserialize;

use crate::checks::{Finding, Severity};
use crate::claims::{Claim, ClaimKind, Value};
use crate::quotes::Quote;
use crate::segment::Paragraph;
use crate::span::Span;

/// The default rule files, compiled in: (label for errors, contents).
const DEFAULT_FILES: &[(&str, &str)] = &[
    (
        "data/rules/anonymous-sourcing.toml",
        include_str!("../data/rules/anonymous-sourcing.toml"),
    ),
    (
        "data/rules/superlatives.toml",
        include_str!("../data/rules/superlatives.toml"),
    ),
    (
        "data/rules/vague-attribution.toml",
        include_str!("../data/rules/vague-attribution.toml"),
    ),
];

/// Compiled patterns may not grow past this (the regex crate's own guard
/// against a pattern that would take the run's memory).
const SIZE_LIMIT: usize = 1 << 20;

/// The file a newsroom's rules are read from when `--rules` is not given.
pub const DEFAULT_RULES_FILE: &str = "factsheet.toml";

/// A rule file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("{file}: cannot read: {message}")]
    Read { file: String, message: String },
    #[error("{file}:{line}: {message}")]
    Syntax { file: String, line: usize, message: String },
    #[error("{file}:{line}: rule `{rule}`: {message}")]
    Rule {
        file: String,
        line: usize,
        rule: String,
        message: String,
    },
}

/// Where in the article a rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Only the words inside quotation marks.
    Quotes,
    /// Only the reporter's own words, outside quotation marks.
    Narrative,
    /// The whole text.
    All,
}

/// What a match produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Output {
    /// A finding in the margin, at the rule's severity.
    Finding,
    /// A claim of kind `statement`, a row to verify in the worksheet.
    Claim,
}

/// One compiled house rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Kebab-case; also what `--only`/`--skip` take. Leaked once per run so
    /// findings can carry it like a built-in check's id.
    pub id: &'static str,
    pub description: String,
    pub severity: Severity,
    pub message: String,
    pub scope: Scope,
    pub output: Output,
    pattern: Regex,
    unless: Option<Regex>,
}

/// The rules of one run: the defaults plus the newsroom's own.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    /// Every rule's pattern in one automaton: one pass over an article
    /// says which rules can match at all, so most rules never search it.
    any: Option<RegexSet>,
}

/// A rule as written in the file, before compiling.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: toml::Spanned<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default = "default_severity")]
    severity: String,
    message: String,
    pattern: toml::Spanned<String>,
    #[serde(default)]
    unless: Option<toml::Spanned<String>>,
    #[serde(default = "default_scope")]
    scope: Scope,
    #[serde(default = "default_output")]
    output: Output,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    rule: Vec<RawRule>,
}

fn default_severity() -> String {
    "info".into()
}
fn default_scope() -> Scope {
    Scope::All
}
fn default_output() -> Output {
    Output::Finding
}

/// 1-based line of a byte offset.
fn line_of(src: &str, pos: usize) -> usize {
    src.as_bytes()[..pos.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The regex crate explains a syntax error over several lines (the pattern,
/// a caret, then `error: …`); keep the one line that says what is wrong.
fn one_line_regex_error(e: &regex::Error) -> String {
    let text = e.to_string();
    let line = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("error:"))
        .or_else(|| text.lines().rev().find(|l| !l.trim().is_empty()))
        .unwrap_or("invalid pattern");
    format!("bad pattern: {}", line.trim())
}

fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .size_limit(SIZE_LIMIT)
        .dfa_size_limit(8 * SIZE_LIMIT)
        .build()
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

impl Rule {
    fn from_raw(file: &str, src: &str, raw: RawRule) -> Result<Rule, RuleError> {
        let id = raw.id.get_ref().clone();
        let err = |at: usize, message: String| RuleError::Rule {
            file: file.to_string(),
            line: line_of(src, at),
            rule: id.clone(),
            message,
        };
        if !is_kebab(&id) {
            return Err(err(
                raw.id.span().start,
                "an id is kebab-case: lower-case letters, digits and dashes".into(),
            ));
        }
        if crate::checks::REGISTRY.iter().any(|c| c.id() == id) {
            return Err(err(raw.id.span().start, "this id is a built-in check's".into()));
        }
        let severity = match raw.severity.as_str() {
            "info" => Severity::Info,
            "warning" => Severity::Warning,
            "error" => Severity::Error,
            other => {
                return Err(err(
                    raw.id.span().start,
                    format!("unknown severity `{other}` (info, warning or error)"),
                ));
            }
        };
        let pattern =
            compile(raw.pattern.get_ref()).map_err(|e| err(raw.pattern.span().start, one_line_regex_error(&e)))?;
        let unless = match &raw.unless {
            Some(u) => Some(compile(u.get_ref()).map_err(|e| err(u.span().start, one_line_regex_error(&e)))?),
            None => None,
        };
        Ok(Rule {
            description: raw.description.unwrap_or_else(|| raw.message.clone()),
            id: Box::leak(id.into_boxed_str()),
            severity,
            message: raw.message,
            scope: raw.scope,
            output: raw.output,
            pattern,
            unless,
        })
    }

    /// Matches of this rule inside `window`, with `unless` vetoes applied.
    fn matches_in<'t>(&'t self, text: &'t str, window: Span) -> impl Iterator<Item = Span> + 't {
        let hay = &text[window.start..window.end];
        self.pattern
            .find_iter(hay)
            .filter(|m| !m.is_empty())
            .filter(move |m| {
                // The veto must match where the hit starts ("the first
                // quarter" against "the first").
                self.unless
                    .as_ref()
                    .is_none_or(|u| u.find_at(hay, m.start()).is_none_or(|v| v.start() != m.start()))
            })
            .map(move |m| Span::new(window.start + m.start(), window.start + m.end()))
    }
}

/// Parses and compiles one rule file; `file` names it in errors.
pub fn parse(file: &str, src: &str) -> Result<Vec<Rule>, RuleError> {
    let raw: RawFile = toml::from_str(src).map_err(|e| RuleError::Syntax {
        file: file.to_string(),
        line: e.span().map_or(1, |s| line_of(src, s.start)),
        message: e.message().lines().next().unwrap_or("invalid TOML").to_string(),
    })?;
    let mut out: Vec<Rule> = Vec::with_capacity(raw.rule.len());
    for r in raw.rule {
        let at = r.id.span().start;
        let rule = Rule::from_raw(file, src, r)?;
        if out.iter().any(|o| o.id == rule.id) {
            return Err(RuleError::Rule {
                file: file.to_string(),
                line: line_of(src, at),
                rule: rule.id.to_string(),
                message: "a second rule with this id".into(),
            });
        }
        out.push(rule);
    }
    Ok(out)
}

static DEFAULTS: LazyLock<RuleSet> = LazyLock::new(|| {
    let rules = DEFAULT_FILES
        .iter()
        // The default files are tested to parse; should one ever fail, run
        // without it rather than stop the analysis.
        .flat_map(|(file, src)| parse(file, src).unwrap_or_default())
        .collect();
    RuleSet::new(rules)
});

impl RuleSet {
    /// A run's rules, in the order they run.
    pub fn new(rules: Vec<Rule>) -> RuleSet {
        // Too large a set only costs the shortcut: each rule still runs.
        let any = RegexSetBuilder::new(rules.iter().map(|r| r.pattern.as_str()))
            .size_limit(8 * SIZE_LIMIT)
            .dfa_size_limit(8 * SIZE_LIMIT)
            .build()
            .ok();
        RuleSet { rules, any }
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rules in `data/rules/`.
    pub fn defaults() -> &'static RuleSet {
        &DEFAULTS
    }

    /// The defaults plus the rules of `path`; a rule with a default's id
    /// replaces it.
    pub fn with_file(path: &Path) -> Result<RuleSet, RuleError> {
        let file = path.display().to_string();
        let src = std::fs::read_to_string(path).map_err(|e| RuleError::Read {
            file: file.clone(),
            message: e.to_string(),
        })?;
        let mut rules = RuleSet::defaults().rules.clone();
        for rule in parse(&file, &src)? {
            rules.retain(|r| r.id != rule.id);
            rules.push(rule);
        }
        Ok(RuleSet::new(rules))
    }

    /// Does a rule have this id?
    pub fn has(&self, id: &str) -> bool {
        self.rules.iter().any(|r| r.id == id)
    }
}

/// What a run of the rules over one article found.
#[derive(Debug, Default)]
pub struct RuleHits {
    pub findings: Vec<Finding>,
    pub claims: Vec<Claim>,
}

/// The stretches of the body a scope covers, in text order.
fn windows(scope: Scope, body: Span, quotes: &[Quote]) -> Vec<Span> {
    let mut inside: Vec<Span> = quotes
        .iter()
        .map(|q| q.span)
        .filter(|s| s.start >= body.start)
        .collect();
    inside.sort_by_key(|s| s.start);
    match scope {
        Scope::All => vec![body],
        Scope::Quotes => inside,
        Scope::Narrative => {
            let mut out = Vec::with_capacity(inside.len() + 1);
            let mut at = body.start;
            for q in inside {
                if q.start > at {
                    out.push(Span::new(at, q.start));
                }
                at = at.max(q.end);
            }
            if at < body.end {
                out.push(Span::new(at, body.end));
            }
            out
        }
    }
}

/// The sentence and paragraph a span sits in.
fn place(paragraphs: &[Paragraph], span: Span) -> (Span, usize) {
    let p = paragraphs.partition_point(|p| p.span.end <= span.start);
    let Some(par) = paragraphs.get(p) else {
        return (span, paragraphs.len().saturating_sub(1));
    };
    let k = par.sentences.partition_point(|s| s.end <= span.start);
    let sentence = par
        .sentences
        .get(k)
        .copied()
        .filter(|s| s.start <= span.start)
        .unwrap_or(par.span);
    (Span::new(sentence.start, sentence.end.max(span.end)), p)
}

/// Runs the selected rules over an article's body.
pub fn run(
    rules: &RuleSet,
    selection: &crate::Selection,
    text: &str,
    body: Span,
    paragraphs: &[Paragraph],
    quotes: &[Quote],
) -> RuleHits {
    let mut hits = RuleHits::default();
    let Some(hay) = text.get(body.start..body.end) else {
        return hits;
    };
    if !rules.rules.iter().any(|r| selection.wants(r.id)) {
        return hits;
    }
    // Which rules can match at all: most articles match none, and asking
    // whether any does reads the text in the regex's quick search that
    // stops at the first match; which ones is asked only when one does.
    // (`Some(None)`: no rule matches anywhere.)
    let possible = rules
        .any
        .as_ref()
        .map(|set| set.is_match(hay).then(|| set.matches(hay)));
    let candidates = rules
        .rules
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            possible
                .as_ref()
                .is_none_or(|m| m.as_ref().is_some_and(|m| m.matched(*i)))
        })
        .map(|(_, r)| r);
    for rule in candidates.filter(|r| selection.wants(r.id)) {
        for window in windows(rule.scope, body, quotes) {
            for span in rule.matches_in(text, window) {
                match rule.output {
                    Output::Finding => hits.findings.push(Finding {
                        check: rule.id,
                        severity: rule.severity,
                        confidence: rule.severity.confidence(),
                        span,
                        related: Vec::new(),
                        message: format!("“{}”: {}", span.of(text).replace(['\n', '\r'], " "), rule.message),
                    }),
                    Output::Claim => {
                        let (sentence, paragraph) = place(paragraphs, span);
                        hits.claims.push(Claim {
                            kind: ClaimKind::Statement,
                            span,
                            value: Value::Statement {
                                rule: rule.id,
                                note: rule.message.clone(),
                            },
                            sentence,
                            paragraph: paragraph as u32,
                            noun: None,
                            source: None,
                            part_of: None,
                            modifier: false,
                        });
                    }
                }
            }
        }
    }
    hits.claims.sort_by_key(|c| c.span.start);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Selection;

    fn hits_of(id: &str, text: &str) -> Vec<String> {
        let a = crate::analyze_text(
            "t.txt",
            text,
            &Selection {
                only: vec![id.to_string()],
                skip: vec![],
            },
        );
        let t = a.document.text.as_str();
        let mut out: Vec<String> = a.findings.iter().map(|f| f.span.of(t).to_string()).collect();
        out.extend(
            a.claims
                .iter()
                .filter(|c| c.kind == ClaimKind::Statement)
                .map(|c| c.span.of(t).to_string()),
        );
        out
    }

    #[test]
    fn default_rules_parse_with_unique_ids_and_descriptions() {
        let mut n = 0;
        for (file, src) in DEFAULT_FILES {
            let rules = parse(file, src).unwrap_or_else(|e| panic!("{e}"));
            n += rules.len();
        }
        assert_eq!(RuleSet::defaults().rules.len(), n);
        let mut seen = std::collections::HashSet::new();
        for r in &RuleSet::defaults().rules {
            assert!(seen.insert(r.id), "duplicate {}", r.id);
            assert!(r.description.ends_with('.'), "{}", r.id);
        }
    }

    #[test]
    fn default_rules_mark_statements_and_never_warn() {
        // The defaults flag things to look at, not errors in the article:
        // rows to verify, never findings that would read as alarms.
        for r in &RuleSet::defaults().rules {
            assert_eq!(r.severity, Severity::Info, "{}", r.id);
            assert_eq!(r.output, Output::Claim, "{}", r.id);
        }
    }

    #[test]
    fn anonymous_sourcing_hits_sources_said() {
        let h = hits_of("anonymous-sourcing", "The deal is close, two sources said on Monday.\n");
        assert_eq!(h, ["two sources said"]);
    }

    #[test]
    fn anonymous_sourcing_hits_condition_of_anonymity() {
        let h = hits_of(
            "anonymous-sourcing",
            "Officials who spoke on condition of anonymity described the plan.\n",
        );
        assert_eq!(h, ["spoke on condition of anonymity"]);
    }

    #[test]
    fn anonymous_sourcing_skips_named_sources_of_supply() {
        let h = hits_of(
            "anonymous-sourcing",
            "Wind and solar sources supplied half the grid, the ministry said in a report.\n",
        );
        assert!(h.is_empty(), "{h:?}");
    }

    #[test]
    fn superlative_hits_the_largest() {
        let h = hits_of("superlative", "It was the largest protest in the city's history.\n");
        assert_eq!(h, ["the largest"]);
    }

    #[test]
    fn superlative_skips_the_highest_court() {
        let h = hits_of("superlative", "The case went to the highest court in the land.\n");
        assert!(h.is_empty(), "{h:?}");
    }

    #[test]
    fn first_hits_the_first_woman_to() {
        let h = hits_of("first-of-its-kind", "She became the first woman to lead the agency.\n");
        assert_eq!(h, ["the first woman to"]);
    }

    #[test]
    fn first_skips_the_first_quarter() {
        let h = hits_of(
            "first-of-its-kind",
            "Sales rose in the first quarter to $4 million, and the first half to $9 million.\n",
        );
        assert!(h.is_empty(), "{h:?}");
    }

    #[test]
    fn record_hits_a_record() {
        let h = hits_of("record", "Turnout reached a record 5 million voters.\n");
        assert_eq!(h, ["a record"]);
    }

    #[test]
    fn record_skips_a_record_of() {
        let h = hits_of("record", "The clerk keeps a record of every vote cast.\n");
        assert!(h.is_empty(), "{h:?}");
    }

    #[test]
    fn never_before_hits() {
        let h = hits_of("never-before", "Such a storm had never before reached the coast.\n");
        assert_eq!(h, ["never before"]);
    }

    #[test]
    fn never_before_skips_the_idiom_as_never_before() {
        let h = hits_of(
            "never-before",
            "Candidates struggled as never before, and fought like never before.\n",
        );
        assert!(h.is_empty(), "{h:?}");
    }

    #[test]
    fn never_before_skips_words_apart() {
        let h = hits_of("never-before", "He had never been there before the war.\n");
        assert!(h.is_empty(), "{h:?}");
    }

    #[test]
    fn vague_attribution_hits_critics_say() {
        let h = hits_of("vague-attribution", "Critics say the plan will cost more.\n");
        assert_eq!(h, ["Critics say"]);
    }

    #[test]
    fn vague_attribution_hits_some_argue() {
        let h = hits_of("vague-attribution", "Some argue that the tax is unfair.\n");
        assert_eq!(h, ["Some argue"]);
    }

    #[test]
    fn vague_attribution_skips_named_critics() {
        let h = hits_of(
            "vague-attribution",
            "Critics of the plan, led by Senator Jane Roe, say it will fail. Some arguments were heard.\n",
        );
        assert!(h.is_empty(), "{h:?}");
    }

    #[test]
    fn narrative_rules_skip_quotes() {
        let h = hits_of(
            "anonymous-sourcing",
            "“Sources said nothing to us,” Jane Roe, the mayor, said on Monday.\n",
        );
        assert!(h.is_empty(), "{h:?}");
    }

    #[test]
    fn bad_pattern_names_file_line_and_rule() {
        let src = "[[rule]]\nid = \"house-spelling\"\nmessage = \"Spell it Zelenskyy.\"\npattern = \"Zelensk(y\"\n";
        let e = parse("factsheet.toml", src).unwrap_err().to_string();
        assert!(
            e.starts_with("factsheet.toml:4: rule `house-spelling`: bad pattern:"),
            "{e}"
        );
        assert!(!e.contains('\n'), "{e}");
    }

    #[test]
    fn oversized_pattern_is_refused() {
        let src = "[[rule]]\nid = \"huge\"\nmessage = \"x.\"\npattern = \"\\\\w{1000}{1000}\"\n";
        let e = parse("big.toml", src).unwrap_err().to_string();
        assert!(e.starts_with("big.toml:4: rule `huge`: bad pattern:"), "{e}");
    }

    #[test]
    fn built_in_check_ids_are_refused() {
        let src = "[[rule]]\nid = \"range-order\"\nmessage = \"x.\"\npattern = \"x\"\n";
        let e = parse("f.toml", src).unwrap_err().to_string();
        assert!(e.contains("built-in"), "{e}");
    }

    #[test]
    fn a_quote_scoped_rule_sees_only_quotes() {
        let src = "[[rule]]\nid = \"banned\"\nseverity = \"warning\"\nmessage = \"Do not print it.\"\npattern = \"(?i)darn\"\nscope = \"quotes\"\n";
        let set = RuleSet::new(parse("f.toml", src).unwrap());
        let text = "Darn, the mayor said. “It is a darn shame,” Jane Roe, the mayor, said.\n";
        let a = crate::analyze_with_rules(crate::Document::from_text("t.txt", text), &Selection::default(), &set);
        let found: Vec<&str> = a
            .findings
            .iter()
            .filter(|f| f.check == "banned")
            .map(|f| f.span.of(text))
            .collect();
        assert_eq!(found, ["darn"]);
        assert!(
            a.findings
                .iter()
                .all(|f| f.check != "banned" || f.severity == Severity::Warning)
        );
    }
}
