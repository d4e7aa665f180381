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

/// `-o` of `tokens create` and `login status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CreateFormat {
    Text,
    Json,
}

/// Table columns. The command line names them as they can be typed without quotes
/// (`last_used`) and also takes the Go CLI's names (`"last used"`); tables title them
/// with the Go CLI's names, upper-cased (`LAST USED`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Column {
    Id,
    Name,
    Scopes,
    #[value(name = "allow_list", alias = "allow list")]
    AllowList,
    #[value(name = "last_used", alias = "last used")]
    LastUsed,
    #[value(name = "expires_at", alias = "expires at")]
    ExpiresAt,
    #[value(name = "created_at", alias = "created at")]
    CreatedAt,
    Owner,
}

impl Column {
    /// Every column's name as the command line takes it (`last_used`), in order.
    pub fn names() -> impl Iterator<Item = String> {
        Self::value_variants().iter().map(|column| column.name())
    }

    /// The column's title, the Go CLI's name for it (`last used`); tables print it
    /// upper-cased as the header.
    pub fn title(self) -> String {
        self.name().replace('_', " ")
    }

    fn name(self) -> String {
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
    fn each_column_reads_back_from_its_name_and_its_title() {
        for column in Column::value_variants() {
            let name = column.to_possible_value().unwrap().get_name().to_string();
            assert!(!name.contains(' '), "{name} cannot be typed without quotes");
            assert_eq!(Column::from_str(&name, true), Ok(*column));
            assert_eq!(Column::from_str(&column.title(), true), Ok(*column));
        }
        assert_eq!(Column::LastUsed.title(), "last used");
    }
}
