//! A comparison with a year the disclosure cannot be compared with (`与2022年相比` in a 2025
//! budget).

use super::{excerpt, prose_lines};
use crate::rules::support::prelude::*;

declare_rule! {
    /// 比较年份与公开年度相符.
    pub ComparisonYear => check,
    RuleDoc {
        code: "WRD-005",
        family: Family::Wording,
        severity: Severity::Warning,
        title: "比较年份与公开年度相符",
        title_en: "Comparisons are with the year before",
        doc_en: "A budget of year Y compares its figures with year Y-1 (its budget or its expected outturn); final accounts of year Y compare with year Y-1 and with year Y's own budget. A comparison in the prose ('compared with 2022', 'than 2022') with any other year is a year left from an earlier edition of the text. Example: a 2025 budget saying 'an increase of 22.73 over 2023' should compare with 2024.",
        what: "Y 年预算的增减比较对象是 Y-1 年（预算或执行数）；Y 年决算比较的是 Y-1 年决算和 Y 年年初预算。说明中“与/比/较/同 某年”的比较年份若不是 Y-1 或 Y，多半是沿用往年文本未改年份。",
        why: "比较年份错了，增减额和增减率的含义随之错误，读者无法判断与哪一年相比；这是检查中常见的照抄往年文本问题。",
        example: "2025 年预算写“较 2023 年预算增加 22.73 万元”，应为 2024 年。",
        basis: "预决算公开检查的真实性项（说明与年度不符）；规则参考 §1.1。",
    }
}

const COMPARE: [&str; 4] = ["与", "比", "较", "同"];

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let Some(year) = cx.unit.year else {
        return Applies::No("未能确定公开年度".into());
    };
    for (n, line) in prose_lines(cx) {
        for (at, len, compared) in comparisons(line) {
            if compared + 1 == year || compared == year {
                continue;
            }
            let shown = excerpt(line, at, len);
            let f = out
                .finding(
                    format!(
                        "第{n}行与 {compared} 年比较，而这是 {year} 年的{}，比较对象应为 {} 年（{shown}）",
                        cx.unit.kind.zh(),
                        year - 1
                    ),
                    format!("Line {n}: compares with {compared} in a {year} disclosure"),
                )
                .line(n)
                .expected(format!("{}年", year - 1))
                .actual(format!("{compared}年"));
            out.push(f);
        }
    }
    Applies::Yes
}

/// Each `与 2022 年…` in the line: byte offset, length, and the year compared with.
fn comparisons(line: &str) -> Vec<(usize, usize, u16)> {
    let mut found = Vec::new();
    for word in COMPARE {
        for (at, _) in line.match_indices(word) {
            let rest = &line[at + word.len()..];
            let digits_at = rest.len() - rest.trim_start().len();
            let digits: String = rest[digits_at..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if digits.len() != 4 {
                continue;
            }
            let tail = rest[digits_at + 4..].trim_start();
            if !tail.starts_with('年') {
                continue;
            }
            // A comparison, not a span (`与2022年至2024年`) or a date (`同2022年3月`).
            let after = tail['年'.len_utf8()..].trim_start();
            let comparing = [
                "相比", "比较", "预算", "决算", "执行", "持平", "增", "减", "下降", "上升", "基本",
            ]
            .iter()
            .any(|w| after.starts_with(w));
            if let (true, Ok(y)) = (comparing, digits.parse::<u16>()) {
                let len = word.len()
                    + digits_at
                    + 4
                    + (rest.len() - digits_at - 4 - tail.len())
                    + '年'.len_utf8();
                found.push((at, len, y));
            }
        }
    }
    found.sort_unstable();
    found
}

#[cfg(test)]
mod tests {
    use super::ComparisonYear as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn the_year_compared_with() {
        silent_on_seeds(&Rule);
        for id in CORPUS {
            assert_silent(&Rule, &corpus(id));
        }
        // Seed 003 (a 2026 budget) compared with 2024 instead of 2025.
        let text = edit(
            &seed("003"),
            "较 2025 年预算增加 22.73 万元",
            "较 2024 年预算增加 22.73 万元",
        );
        let f = assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "较 2024 年预算增加"),
        );
        assert!(f.message.contains("2025 年"), "{}", f.message);
        // Final accounts compare with their own year's budget too: silent.
        let text = corpus("13").replace("与2023年", "与2024年");
        assert_silent(&Rule, &text);
    }
}
