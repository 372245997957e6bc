//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use workslop_core::Format;

#[derive(Debug, Parser)]
#[command(
    name = "workslop",
    version,
    about = "Scores marketing copy for workslop: generic, low-substance, AI-style text, with the evidence.",
    after_help = "Exit codes: 0 all files pass, 1 a file failed, 2 usage, configuration or input errors."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files and directories like a prose linter: findings with positions, a score per file.
    Check(CheckArgs),
    /// Print scores only, for files or a JSON Lines corpus.
    Score(ScoreArgs),
    /// List every rule (signal) with its code, name, summary and default weight.
    Rules(RulesArgs),
    /// Measure detection quality on a labelled JSON Lines corpus.
    Eval(EvalArgs),
    /// Fit the score's weights and thresholds on a labelled corpus; write them as a config file.
    Calibrate(CalibrateArgs),
    /// Explain a rule: what it finds, why it matters, an example, what to write instead.
    Explain {
        /// A rule code (WS101) or name (stock-phrases).
        code: String,
    },
}

/// Options that decide how texts are scored.
#[derive(Debug, Args, Clone, Default)]
pub struct ScoringArgs {
    /// Use this config file for every input instead of discovering one.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Ignore all config files.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,
    /// A brand term the copy should mention (repeatable; replaces the config's list).
    #[arg(long = "brand-term", value_name = "TERM")]
    pub brand_terms: Vec<String>,
    /// The language of every input (ISO 639-1), or `auto`.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// Fail files scoring at or above this (0-100).
    #[arg(long, value_name = "N")]
    pub fail_above: Option<f64>,
    /// Do not run this rule (code or name; repeatable).
    #[arg(long, value_name = "CODE")]
    pub disable: Vec<String>,
    /// Read inputs as this format instead of by file extension.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub input_format: Option<Format>,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check; `-` reads standard input. Default: the current directory.
    pub paths: Vec<PathBuf>,
    /// How to print results (default: full on a terminal, concise otherwise).
    #[arg(long, value_enum)]
    pub output_format: Option<CheckFormat>,
    /// The file name standard input stands for (config lookup, format, messages).
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Report, but exit 0 even when files fail.
    #[arg(long)]
    pub exit_zero: bool,
    /// Apply exclude patterns to files named on the command line too.
    #[arg(long)]
    pub force_exclude: bool,
    /// Glob of files to skip (repeatable; added to the config's `exclude`).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    #[command(flatten)]
    pub scoring: ScoringArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Full,
    Concise,
    Json,
    Jsonl,
    Sarif,
    Github,
}

impl CheckFormat {
    /// Machine formats keep stdout parseable: the summary goes to stderr.
    pub fn is_machine(self) -> bool {
        matches!(
            self,
            CheckFormat::Json | CheckFormat::Jsonl | CheckFormat::Sarif | CheckFormat::Github
        )
    }
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Files or directories to score; `-` reads standard input.
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub output_format: ScoreFormat,
    /// Score a JSON Lines file (`-` for standard input): one object per line.
    #[arg(long, value_name = "FILE", conflicts_with = "paths")]
    pub jsonl_input: Option<PathBuf>,
    /// The field holding the text, with --jsonl-input.
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// The field holding the id, with --jsonl-input.
    #[arg(long, default_value = "id")]
    pub id_field: String,
    #[command(flatten)]
    pub scoring: ScoringArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    Table,
    Csv,
    Json,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value = "table")]
    pub output_format: RulesFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
}

/// A labelled JSON Lines corpus.
#[derive(Debug, Args)]
pub struct LabelArgs {
    /// One JSON object per line with a text and a label.
    #[arg(long, value_name = "FILE")]
    pub labels: PathBuf,
    #[arg(long, default_value = "text")]
    pub text_field: String,
    #[arg(long, default_value = "label")]
    pub label_field: String,
    /// The label value of AI-style (positive) rows; every other value is negative.
    #[arg(long, default_value = "ai")]
    pub positive: String,
    #[command(flatten)]
    pub scoring: ScoringArgs,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    #[command(flatten)]
    pub labels: LabelArgs,
    /// Report metrics per value of these fields (comma-separated), besides length buckets.
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    pub group_by: Vec<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub output_format: EvalFormat,
    /// Also report each signal's own ROC AUC, overall and by the first --group-by field.
    #[arg(long)]
    pub signals: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct CalibrateArgs {
    #[command(flatten)]
    pub labels: LabelArgs,
    /// Where to write the fitted config file.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Rows with the same value of this field never sit in both training and validation folds.
    #[arg(long, default_value = "group")]
    pub group_field: String,
    /// Cross-validation folds; 0 holds out each value of the group field in turn.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Give each (value of this field, label) cell the same total weight.
    #[arg(long, value_name = "FIELD")]
    pub balance_field: Option<String>,
    /// L2 penalty on the standardised weights.
    #[arg(long, default_value_t = 0.01)]
    pub l2: f64,
    /// The fail threshold lets at most this share of negatives through in each length group
    /// (below 20 words, below 50, longer); warn three times it.
    #[arg(long, default_value_t = 0.05)]
    pub max_fpr: f64,
    /// Set thresholds on the negatives with this FIELD=VALUE only.
    #[arg(long, value_name = "FIELD=VALUE", value_parser = parse_pair)]
    pub threshold_on: Option<(String, String)>,
    /// Files (or directories) that must not reach `fail`, like careful human copy: the fail
    /// threshold is raised above their scores if needed (repeatable).
    #[arg(long, value_name = "PATH")]
    pub must_pass: Vec<PathBuf>,
    /// Report the cross-validated metrics per value of these fields (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    pub report_by: Vec<String>,
}

fn parse_pair(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .ok_or_else(|| format!("expected FIELD=VALUE, not `{s}`"))
}
