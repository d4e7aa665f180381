//! The output formats and table columns a command can be asked for. The command line
//! offers exactly these values (`clap::ValueEnum`), and tables title their columns
//! with the same names.

use clap::ValueEnum;

/// `-o` of `tokens list` and `tokens view`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Table,
    Json,
}

/// `-o` of `tokens create`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CreateFormat {
    Text,
    Json,
}

/// Table columns, named as the Go CLI names them (`_` may stand for the space).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Column {
    Id,
    Name,
    Scopes,
    #[value(name = "allow list", alias = "allow_list")]
    AllowList,
    #[value(name = "last used", alias = "last_used")]
    LastUsed,
    #[value(name = "expires at", alias = "expires_at")]
    ExpiresAt,
    #[value(name = "created at", alias = "created_at")]
    CreatedAt,
    Owner,
}

impl Column {
    /// The column's name as the command line takes it (`last used`); tables print it
    /// upper-cased as the header.
    pub fn name(self) -> String {
        self.to_possible_value()
            .expect("no column is hidden")
            .get_name()
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_column_reads_back_from_its_name_and_its_underscore_alias() {
        for column in Column::value_variants() {
            let name = column.name();
            assert_eq!(Column::from_str(&name, true), Ok(*column));
            assert_eq!(Column::from_str(&name.replace(' ', "_"), true), Ok(*column));
        }
        assert_eq!(Column::LastUsed.name(), "last used");
    }
}
