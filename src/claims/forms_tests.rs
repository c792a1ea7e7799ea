//! One test per form the newsroom-styles issue lists that no rule file
//! tests on its own: each on a sentence written for it.

use super::ClaimKind;
use super::tests::{claims, one};
use serde_json::json;

#[test]
fn ages_in_every_style() {
    assert_eq!(one("The man, 64 yo, was held.").1, ClaimKind::Age);
    assert_eq!(one("He retired at age 64.").2, json!(64));
    assert_eq!(one("She rescued a two-year-old boy.").1, ClaimKind::Age);
    let (_, kind, v) = one("It shows by around 3 years of age.");
    assert_eq!((kind, v["qualifier"].as_str()), (ClaimKind::Age, Some("approx")));
}

#[test]
fn long_durations_as_modifiers() {
    assert_eq!(
        one("It was a week-long strike.").2,
        json!({"amount": 1, "unit": "week"})
    );
    assert_eq!(
        one("It was a fortnight-long trip.").2,
        json!({"amount": 2, "unit": "week"})
    );
    let (_, _, v) = one("He served over three years in jail.");
    assert_eq!(
        (v["qualifier"].as_str(), v["unit"].as_str()),
        (Some("more_than"), Some("year"))
    );
}

#[test]
fn money_with_scales_written_against_it() {
    assert_eq!(
        one("It cost £3.2m to build.").2,
        json!({"amount": 3_200_000, "currency": "GBP"})
    );
    assert_eq!(
        one("It cost €1.5bn to build.").2,
        json!({"amount": 1_500_000_000u64, "currency": "EUR"})
    );
    assert_eq!(
        one("Pay USD 200 at the desk.").2,
        json!({"amount": 200, "currency": "USD"})
    );
    let (_, kind, v) = one("He took a six-figure salary.");
    assert_eq!((kind, v["min"].as_f64()), (ClaimKind::Count, Some(100_000.0)));
}

#[test]
fn numbers_said_in_words() {
    assert_eq!(one("There are five and a half million fish.").2, json!(5_500_000));
    assert_eq!(one("The total was three thousand millions.").2, json!(3_000_000_000u64));
    assert_eq!(
        one("He waited one and a quarter hours.").2,
        json!({"amount": 1.25, "unit": "hour"})
    );
    assert_eq!(one("They left in nineteen ninety six.").2, json!("1996"));
    assert_eq!(one("They met on May twenty one.").2, json!("--05-21"));
    // "in May two people died" stays a month and a count.
    assert_eq!(claims("In May twenty one soldiers died.").len(), 2);
}

#[test]
fn a_clock_time_is_no_count() {
    assert!(claims("The polls closed at 9:05 on the night.").is_empty());
}

#[test]
fn slashed_figures_without_a_unit_are_no_numbers() {
    assert!(claims("Police said 9/11 changed things.").is_empty());
    assert!(claims("The shop is open 24/7 now.").is_empty());
    assert_eq!(one("It is a 3/4 mile walk.").2, json!({"amount": 0.75, "unit": "mile"}));
}

#[test]
fn a_scale_with_an_article_is_one_of_it() {
    let (span, _, v) = one("Fewer than a thousand pandas live in the wild.");
    assert_eq!(span, "Fewer than a thousand");
    assert_eq!(
        (v["value"].as_f64(), v["qualifier"].as_str()),
        (Some(1000.0), Some("less_than"))
    );
}
