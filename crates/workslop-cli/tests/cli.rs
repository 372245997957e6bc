//! Command-line tests written as data: each `cmd/*.toml` names the arguments, the input folder
//! (`*.in`), the expected output and the exit code. `TRYCMD=overwrite` refreshes expectations.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
