//! 文字质量: the wording of the 情况说明 — punctuation, template text left in, characters that
//! did not render. Read on the prose lines only (never a table row or a list of contents).

mod broken_characters;
mod comparison_year;
mod doubled_punctuation;
mod missing_full_stop;
mod template_alternatives;
mod template_instructions;
mod unbalanced_brackets;
mod unfinished_sentences;

pub use broken_characters::BrokenCharacters;
pub use comparison_year::ComparisonYear;
pub use doubled_punctuation::DoubledPunctuation;
pub use missing_full_stop::MissingFullStop;
pub use template_alternatives::TemplateAlternatives;
pub use template_instructions::TemplateInstructions;
pub use unbalanced_brackets::UnbalancedBrackets;
pub use unfinished_sentences::UnfinishedSentences;

use crate::layout;
use crate::rules::Cx;

/// The unit's prose lines (1-based number, text): outside every table's span, no tab, no
/// contents leader (`……… 5`).
pub(crate) fn prose_lines<'a>(cx: &'a Cx) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let (first, last) = cx.unit.lines;
    (first..=last)
        .filter(move |n| !cx.unit.table_spans().any(|(a, b)| (a..=b).contains(n)))
        .map(move |n| (n, cx.line(n)))
        .filter(|(_, l)| !layout::is_tabular(l) && !l.contains("……") && !l.contains("..."))
}

/// The characters around byte offset `at` of `line`, for a message (`…万元。。预计…`).
pub(super) fn excerpt(line: &str, at: usize, len: usize) -> String {
    let before: String = line[..at]
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = line[at + len..].chars().take(8).collect();
    format!("…{before}{}{after}…", &line[at..at + len])
}
