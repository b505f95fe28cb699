//! 绩效目标: project performance tables — spending plans, budgets, and the project list.

mod annual_funds;
mod budget_split;
mod projects_vs_spending;
mod spending_plan;

pub use annual_funds::AnnualFunds;
pub use budget_split::BudgetSplit;
pub use projects_vs_spending::ProjectsVsSpending;
pub use spending_plan::SpendingPlan;
