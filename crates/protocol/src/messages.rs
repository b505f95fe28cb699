//! The messages between the page and the checker module: one typed enum each way, carried as
//! plain JavaScript objects by serde-wasm-bindgen, and the one function that answers a request
//! (in the checker's worker, or on the page where no worker can start).

use crate::shown::UnitShown;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use yusuan_core::check::{Event, Session};
use yusuan_core::report::UnitReport;
use yusuan_core::Encoding;

/// A value already serialised for JavaScript, carried through serde untouched: a unit's full
/// report, which the page only ever exports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Preserved(#[serde(with = "serde_wasm_bindgen::preserve")] pub JsValue);

/// A unit's key on the wire: the core's 64-bit key in hex (a JavaScript number holds only 53
/// bits). The page reads it back with [`key_of`].
pub type Key = String;

/// The core's key again.
pub fn key_of(wire: &str) -> Option<u64> {
    u64::from_str_radix(wire, 16).ok()
}

/// From the page to the worker. (Externally tagged, like [`FromWorker`]: an internally tagged
/// enum is read through a buffered copy, which costs wasm size and time.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    /// Check `text`. The page holds the units keyed `known` already: those are not sent again.
    Check { text: Text, known: Vec<Key> },
}

/// The text to check: whole, or as an edit of the text the worker checked last (a keystroke in
/// a megabyte paste sends a few bytes, not the megabyte).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Text {
    Whole(String),
    /// The text fingerprinted `base` with its bytes `from..to` replaced by `insert`.
    Edit {
        base: String,
        from: usize,
        to: usize,
        insert: String,
    },
}

impl Text {
    /// `text` as an edit of `last` (both UTF-8): the bytes between their common prefix and
    /// suffix, on char boundaries.
    pub fn edit(last: &str, text: &str) -> Text {
        let (a, b) = (last.as_bytes(), text.as_bytes());
        let mut prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        while !(last.is_char_boundary(prefix) && text.is_char_boundary(prefix)) {
            prefix -= 1;
        }
        let room = a.len().min(b.len()) - prefix;
        let mut suffix = a
            .iter()
            .rev()
            .zip(b.iter().rev())
            .take(room)
            .take_while(|(x, y)| x == y)
            .count();
        while !(last.is_char_boundary(a.len() - suffix) && text.is_char_boundary(b.len() - suffix))
        {
            suffix -= 1;
        }
        Text::Edit {
            base: yusuan_core::check::fingerprint(last),
            from: prefix,
            to: a.len() - suffix,
            insert: text[prefix..b.len() - suffix].to_owned(),
        }
    }
}

/// From the worker to the page, in this order: `Read`, one `Unit` per unit, `Done`. `R` is how
/// a unit's full report travels: [`Preserved`] between worker and page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FromWorker<R = Preserved> {
    /// The text was read and split: `units` units follow (none when it was unusable, and why;
    /// or, when it was read but holds no unit, what it looks like instead).
    Read {
        encoding: Option<Encoding>,
        units: usize,
        error: Option<String>,
        note: Option<String>,
    },
    /// The worker does not hold the text an edit was made on: send it whole.
    Resend,
    /// One unit checked, as shown and as reported; absent when the page said it holds `key`.
    Unit {
        index: usize,
        key: Key,
        unit: Option<Box<(UnitShown, R)>>,
    },
    Done,
}

/// A value as a plain JavaScript object, shaped as its JSON would be.
pub fn to_js<T: Serialize>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// A JavaScript value read back; `None` for anything else.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Option<T> {
    serde_wasm_bindgen::from_value(value).ok()
}

/// The report as the page keeps it.
pub fn preserve(report: &UnitReport) -> Preserved {
    Preserved(to_js(report))
}

/// Answers one request with `session`, handing each message to `send` as it is known; `carry`
/// turns a unit's report into what travels with it.
pub fn answer<R>(
    session: &mut Session,
    request: ToWorker,
    carry: impl Fn(&UnitReport) -> R,
    mut send: impl FnMut(FromWorker<R>),
) {
    let ToWorker::Check { text, known } = request;
    let text = match text {
        Text::Whole(text) => text,
        Text::Edit {
            base,
            from,
            to,
            insert,
        } => match session.edited(&base, from, to, &insert) {
            Some(text) => text,
            None => return send(FromWorker::Resend),
        },
    };
    let checked = session.check(text.as_bytes(), |event| match event {
        Event::Read { encoding, units } => send(FromWorker::Read {
            encoding: Some(encoding),
            units,
            error: None,
            note: (units == 0)
                .then(|| yusuan_core::layout::no_tables_note(&text.lines().collect::<Vec<_>>()))
                .flatten()
                .map(str::to_owned),
        }),
        Event::Unit {
            index, key, unit, ..
        } => {
            let key = format!("{key:016x}");
            let unit = (!known.contains(&key)).then(|| {
                let shown = UnitShown::new(&unit.report, &unit.tables);
                Box::new((shown, carry(&unit.report)))
            });
            send(FromWorker::Unit { index, key, unit })
        }
    });
    if let Err(e) = checked {
        session.clear();
        send(FromWorker::Read {
            encoding: None,
            units: 0,
            error: Some(e.to_string()),
            note: None,
        });
    }
    send(FromWorker::Done);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(name: &str) -> String {
        std::fs::read_to_string(format!(
            "{}/../../tests/fixtures/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("fixture")
    }

    fn ask(session: &mut Session, text: &str, known: Vec<Key>) -> Vec<FromWorker<UnitReport>> {
        let mut out = Vec::new();
        answer(
            session,
            ToWorker::Check {
                text: Text::Whole(text.to_owned()),
                known,
            },
            UnitReport::clone,
            |m| out.push(m),
        );
        out
    }

    #[test]
    fn every_unit_in_order_then_only_what_the_page_lacks() {
        let text = seed("002_ccde78b5c97680c0.txt");
        let mut session = Session::new();
        let first = ask(&mut session, &text, Vec::new());
        assert!(matches!(
            first[0],
            FromWorker::Read {
                units: 2,
                error: None,
                ..
            }
        ));
        let units: Vec<(usize, Option<String>)> = first
            .iter()
            .filter_map(|m| match m {
                FromWorker::Unit { index, unit, .. } => {
                    Some((*index, unit.as_ref().and_then(|u| u.0.code.clone())))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            units,
            vec![(0, Some("450001".into())), (1, Some("450003".into()))]
        );
        assert_eq!(first.last(), Some(&FromWorker::Done));
        // The page holds the first unit: only the second is sent again.
        let key0 = match &first[1] {
            FromWorker::Unit { key, .. } => key.clone(),
            _ => panic!("a unit"),
        };
        let again = ask(&mut session, &text, vec![key0.clone()]);
        let sent: Vec<bool> = again
            .iter()
            .filter_map(|m| match m {
                FromWorker::Unit { unit, .. } => Some(unit.is_some()),
                _ => None,
            })
            .collect();
        assert_eq!(sent, vec![false, true]);
    }

    #[test]
    fn an_edit_is_checked_against_the_text_the_worker_holds() {
        let text = seed("004_ae63254e50cfffaf.txt");
        let edited = text.replacen("涉及项目10个", "涉及项目11个", 1);
        let edit = Text::edit(&text, &edited);
        assert!(
            matches!(&edit, Text::Edit { insert, .. } if insert == "1"),
            "{edit:?}"
        );
        let mut out = Vec::new();
        let mut session = Session::new();
        let ask = |session: &mut Session, text: Text, out: &mut Vec<FromWorker<UnitReport>>| {
            let request = ToWorker::Check {
                text,
                known: Vec::new(),
            };
            answer(session, request, UnitReport::clone, |m| out.push(m));
        };
        // A worker that holds nothing asks for the whole text.
        ask(&mut session, edit.clone(), &mut out);
        assert_eq!(out, vec![FromWorker::Resend]);
        out.clear();
        ask(&mut session, Text::Whole(text.clone()), &mut out);
        out.clear();
        ask(&mut session, edit, &mut out);
        let report = out.iter().find_map(|m| match m {
            FromWorker::Unit { unit: Some(u), .. } => Some(u.1.clone()),
            _ => None,
        });
        assert_eq!(
            report,
            Some(yusuan_core::check_bytes("x", edited.as_bytes()).units[0].clone())
        );
        // Multi-byte characters: the edit falls on char boundaries.
        let edit = Text::edit("收入合计", "收出合计");
        assert_eq!(
            edit,
            Text::Edit {
                base: yusuan_core::check::fingerprint("收入合计"),
                from: 3,
                to: 6,
                insert: "出".into()
            }
        );
    }

    #[test]
    fn unusable_text_is_one_read_with_the_reason() {
        let out = ask(&mut Session::new(), "   ", Vec::new());
        assert!(
            matches!(&out[0], FromWorker::Read { units: 0, error: Some(e), .. } if e.contains("输入为空"))
        );
        assert_eq!(out[1], FromWorker::Done);
    }
}
