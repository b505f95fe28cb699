//! Each seed's full verdict, pinned: every finding (rule, severity, lines, message) and every
//! rule's outcome. A change in verdicts is a reviewed snapshot diff (`cargo insta review`, or
//! `INSTA_UPDATE=always cargo test` and read the diff before committing).

mod common;

fn render(prefix: &str) -> String {
    let report = yusuan_core::check_bytes(prefix, &common::seed(prefix));
    let mut out = String::new();
    for u in &report.units {
        out.push_str(&format!(
            "== unit {} {} {:?} {:?} {:?} ({:?}) lines {:?}: {} tables, {} facts\n",
            u.code.as_deref().unwrap_or("-"),
            u.name.as_deref().unwrap_or("-"),
            u.year,
            u.scope,
            u.template.id,
            u.template.confidence,
            u.lines,
            u.tables.len(),
            u.facts.len()
        ));
        for f in &u.findings {
            out.push_str(&format!(
                "[{}] {} lines {:?}\n    {}\n",
                f.severity.name(),
                f.rule,
                f.lines,
                f.message
            ));
        }
        let mut by_status: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for o in &u.rules {
            let key = match &o.status {
                yusuan_core::rules::Status::Passed => "passed".to_owned(),
                yusuan_core::rules::Status::Failed => "failed".to_owned(),
                yusuan_core::rules::Status::NotApplicable(why) => format!("n/a ({why})"),
            };
            by_status.entry(key).or_default().push(o.rule.to_string());
        }
        for (k, v) in by_status {
            out.push_str(&format!("{k}: {}\n", v.join(" ")));
        }
    }
    out
}

#[test]
fn seed_000() {
    insta::assert_snapshot!(render("000"));
}

#[test]
fn seed_001() {
    insta::assert_snapshot!(render("001"));
}

#[test]
fn seed_002() {
    insta::assert_snapshot!(render("002"));
}

#[test]
fn seed_003() {
    insta::assert_snapshot!(render("003"));
}

#[test]
fn seed_004() {
    insta::assert_snapshot!(render("004"));
}

/// The English message of every finding on the seeds states the figures it is about: the
/// expected and actual values the finding carries.
#[test]
fn english_messages_state_the_figures() {
    let amounts = |s: &str| -> Vec<String> {
        let mut v: Vec<String> = s
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter(|w| w.contains('.') && w.len() > 2)
            .map(str::to_owned)
            .collect();
        v.sort();
        v.dedup();
        v
    };
    for (name, bytes) in common::seeds() {
        for u in yusuan_core::check_bytes(&name, &bytes).units {
            for f in u.findings {
                let stated = [&f.expected, &f.actual]
                    .into_iter()
                    .flatten()
                    .flat_map(|s| amounts(s))
                    .collect::<Vec<_>>();
                let en = amounts(&f.message_en);
                let missing: Vec<&String> = stated.iter().filter(|a| !en.contains(a)).collect();
                assert!(
                    missing.is_empty(),
                    "{name} {}: {missing:?} not in «{}»",
                    f.rule,
                    f.message_en
                );
            }
        }
    }
}
