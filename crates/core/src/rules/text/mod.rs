//! 说明与表格: the figures the 情况说明 states, against the tables and against each other.

mod assets_statement;
mod change_arithmetic;
mod completion_rate;
mod expenditure_statement;
mod final_statement;
mod income_statement;
mod items_add_up;
mod operating_cost_statement;
mod planned_assets;
mod procurement_statement;
mod project_counts;
mod rate_on_zero_base;
mod repeated_figures;
mod shares;
mod sub_changes;
mod three_public_statement;
mod year_on_year;

pub use assets_statement::AssetsStatement;
pub use change_arithmetic::ChangeArithmetic;
pub use completion_rate::CompletionRate;
pub use expenditure_statement::ExpenditureStatement;
pub use final_statement::FinalStatement;
pub use income_statement::IncomeStatement;
pub use items_add_up::ItemsAddUp;
pub use operating_cost_statement::OperatingCostStatement;
pub use planned_assets::PlannedAssetsVsProcurement;
pub use procurement_statement::ProcurementStatement;
pub use project_counts::ProjectCounts;
pub use rate_on_zero_base::RateOnZeroBase;
pub use repeated_figures::RepeatedFigures;
pub use shares::SharesMatch;
pub use sub_changes::SubChangesAddUp;
pub use three_public_statement::ThreePublicStatement;
pub use year_on_year::YearOnYear;
