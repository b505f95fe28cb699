//! 机关运行经费 is goods and services: no personnel code belongs in its table.

use crate::rules::support::prelude::*;

declare_rule! {
    /// 机关运行经费不含人员经费科目.
    pub OperatingCostCodes => check,
    RuleDoc {
        code: "CLS-004",
        family: Family::Codes,
        severity: Severity::Warning,
        title: "机关运行经费不含人员经费科目",
        title_en: "The operating-cost table lists no personnel codes",
        doc_en: "Operating costs are, by definition, the money an administrative unit spends on goods and services to keep running (office costs, utilities, travel, vehicle operation and the like): its table lists economic codes of goods and services (302, and general equipment under 310), never personnel spending (301 wages and benefits, 303 payments to individuals and households). Whatever the template, a 301 or 303 code in the operating-cost table is a finding. Example: Wen County 2024 lists 30199 other wages and benefits 1.00 among its operating costs.",
        what: "机关运行经费是行政单位为保障运转用于购买货物和服务的资金（办公、水电、差旅、公务用车运行维护等），其表中只应出现商品和服务支出（302）及一般设备购置等经济科目，不应出现工资福利支出（301）或对个人和家庭的补助（303）。任何模板的机关运行经费表中出现 301、303 科目，均提示核对。",
        why: "把人员经费列入机关运行经费，说明口径用错或科目填错，机关运行经费的金额也随之失真。",
        example: "温县医疗保障局 2024：机关（机构）运行经费表列有 30199 其他工资福利支出 1.00 万元。",
        basis: "机关运行经费的定义（为保障行政单位运行用于购买货物和服务的各项资金）；规则参考 §1.2 名词解释。",
    }
}

/// Economic classes of personnel spending.
const PERSONNEL: [&str; 2] = ["301", "303"];

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let Some(t) = cx.unit.table(TableKind::OperatingCost).filter(|t| !t.empty) else {
        return absent(cx.unit, TableKind::OperatingCost);
    };
    let personnel: Vec<&Row> = t
        .rows
        .iter()
        .filter(|r| {
            r.code
                .as_deref()
                .is_some_and(|c| c.len() >= 3 && PERSONNEL.contains(&&c[..3]))
        })
        .filter(|r| {
            r.cells
                .iter()
                .any(|c| c.amount.is_some_and(|a| !a.is_zero()))
        })
        .collect();
    if personnel.is_empty() {
        return Applies::Yes;
    }
    let listed: Vec<String> = personnel
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r.code.as_deref().unwrap_or_default(),
                r.name.as_deref().map(compact).unwrap_or_default()
            )
        })
        .collect();
    let f = out
        .finding(
            format!(
                "《{}》列有人员经费科目：{}；机关运行经费按定义是商品和服务支出，不含工资福利和对个人和家庭的补助",
                t.title,
                listed.join("、")
            ),
            format!(
                "The operating-cost table lists personnel codes: {}",
                personnel
                    .iter()
                    .filter_map(|r| r.code.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
        .lines(personnel.iter().map(|r| r.line));
    out.push(f);
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::OperatingCostCodes as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn personnel_codes_in_the_operating_cost_table() {
        // Seed 004 (Henan, Wen County 2024) lists 30199 其他工资福利支出 among its operating costs.
        let text = seed("004");
        let f = assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "30199\t其他工资福利支出\t\t1.00"),
        );
        assert!(f.message.contains("30199"), "{}", f.message);
        // The other seeds and the Jiangsu operating-cost tables list goods and services only.
        for s in ["000", "001", "002", "003"] {
            assert_silent(&Rule, &seed(s));
        }
        for id in CORPUS {
            assert_silent(&Rule, &corpus(id));
        }
        // A Jiangsu table with a wage code slipped in (30201 办公费 printed as 30101).
        let text = corpus("19");
        let t = text
            .rfind("一般公共预算机关运行经费支出预算表")
            .expect("table");
        let at = text[t..]
            .find("\n30201")
            .map(|k| t + k + 1)
            .expect("a 30201 row");
        let edited = format!("{}30101{}", &text[..at], &text[at + 5..]);
        let line = edited[..at].matches('\n').count() + 1;
        let f = assert_fires(&Rule, &edited, Severity::Warning, line);
        assert!(f.message.contains("30101"), "{}", f.message);
    }
}
