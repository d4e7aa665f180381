//! Lists on the command line: every repeatable flag (`--header`, `--scope`, `--allow`,
//! `-c`) and `CODER_HEADER` read each value as one CSV record, the way the Go CLI
//! reads its string arrays (Go's `encoding/csv` with default settings, one record).
//!
//! Fields are separated by commas and kept exactly as written: no spaces are trimmed.
//! A field that starts with `"` is quoted: it ends at the next lone `"` and may hold
//! commas; `""` inside it stands for one `"`. A `"` in a field that is not quoted, or
//! text after a closing quote, is an error, as it is in Go. Go reads only the first
//! line and drops the rest without a word; here a line break outside quotes (other
//! than one at the very end) is an error instead.

use std::ffi::OsStr;
use std::fmt;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::error::ErrorKind;

/// What is wrong with a list, and in which field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    /// The field, counted from 1.
    pub field: usize,
    /// The field as written, up to the comma after the mistake (it may hold a credential).
    pub text: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A `"` in a field that does not start with one.
    BareQuote,
    /// Text between a quoted field's closing `"` and the next comma.
    AfterQuote,
    /// A quoted field whose closing `"` never comes.
    Unclosed,
    /// A line break outside quotes with more text after it.
    LineBreak,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.field;
        match self.problem {
            Problem::BareQuote => write!(f, "field {n} has a \" but does not start with one"),
            Problem::AfterQuote => write!(f, "field {n} goes on after its closing quote"),
            Problem::Unclosed => write!(f, "field {n} opens a quote that is never closed"),
            Problem::LineBreak => write!(f, "a line break follows field {n}"),
        }
    }
}

impl std::error::Error for CsvError {}

impl CsvError {
    /// What to do about it.
    pub fn hint(&self) -> &'static str {
        match self.problem {
            Problem::LineBreak => "put the whole list on one line, its values separated by commas",
            _ => {
                "to put a comma or a quote in a value, quote the whole value and double each \
                 quote inside it: \"X-Q=a,b\", \"say \"\"hi\"\"\""
            }
        }
    }
}

/// Reads `text` as one CSV record: its fields, unquoted. Empty text is one empty field.
pub fn read_record(text: &str) -> Result<Vec<String>, CsvError> {
    // A line ending at the very end (`$(cat file)` keeps none, `echo` adds one) is not a
    // second line.
    let text = match text.strip_suffix('\n') {
        Some(line) => line.strip_suffix('\r').unwrap_or(line),
        None => text,
    };
    let mut fields = Vec::new();
    let mut start = 0;
    loop {
        let rest = &text[start..];
        let parsed = match rest.strip_prefix('"') {
            // Offsets in the quoted text are one past those in `rest`.
            Some(quoted) => quoted_field(quoted)
                .map(|(field, next)| (field, next.map(|n| n + 1)))
                .map_err(|(problem, at)| (problem, at + 1)),
            None => plain_field(rest),
        };
        match parsed {
            Ok((field, Some(next))) => {
                fields.push(field);
                start += next;
            }
            Ok((field, None)) => {
                fields.push(field);
                return Ok(fields);
            }
            Err((problem, at)) => {
                // The field as written, from its start to the end of the word it broke in.
                let end = rest[at..].find([',', '\n']).map_or(rest.len(), |n| at + n);
                return Err(CsvError {
                    field: fields.len() + 1,
                    text: rest[..end].to_string(),
                    problem,
                });
            }
        }
    }
}

/// A field and where the next one starts (after its comma), if there is one.
type Parsed = Result<(String, Option<usize>), (Problem, usize)>;

/// A field that does not start with `"`: up to the next comma.
fn plain_field(text: &str) -> Parsed {
    let end = text.find([',', '\n']).unwrap_or(text.len());
    let field = &text[..end];
    if let Some(at) = field.find('"') {
        return Err((Problem::BareQuote, at));
    }
    match text[end..].chars().next() {
        Some(',') => Ok((field.to_string(), Some(end + 1))),
        Some(_) => Err((Problem::LineBreak, end)),
        None => Ok((field.to_string(), None)),
    }
}

/// A quoted field, `text` starting after its opening `"`: up to the lone `"` that
/// closes it, which must end the record or come before a comma.
fn quoted_field(text: &str) -> Parsed {
    let mut field = String::new();
    let mut at = 0;
    loop {
        let Some(quote) = text[at..].find('"').map(|n| at + n) else {
            return Err((Problem::Unclosed, text.len()));
        };
        field.push_str(&text[at..quote]);
        at = quote + 1;
        // As in Go, a line break inside quotes is kept, without its carriage return.
        match text[at..].chars().next() {
            Some('"') => {
                field.push('"');
                at += 1;
            }
            Some(',') => return Ok((field.replace("\r\n", "\n"), Some(at + 1))),
            None => return Ok((field.replace("\r\n", "\n"), None)),
            Some('\n') => return Err((Problem::LineBreak, at)),
            Some(_) => return Err((Problem::AfterQuote, at)),
        }
    }
}

/// The fields of one command-line value, each parsed by the inner value parser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields<T>(pub Vec<T>);

impl<T: Clone> Fields<T> {
    /// Every field of every value, in order.
    pub fn flatten(values: &[Fields<T>]) -> Vec<T> {
        values.iter().flat_map(|f| f.0.iter().cloned()).collect()
    }
}

/// A clap value parser that reads each value as a list (see [`read_record`]) and hands
/// each field to `inner`; the possible values (help, completions) are `inner`'s.
#[derive(Clone)]
pub struct ListParser<P> {
    inner: P,
    /// Whether the text may hold a credential: errors then name the field by number only.
    secret: bool,
}

/// Each value a list of fields parsed by `inner`.
pub fn list<P>(inner: P) -> ListParser<P> {
    ListParser {
        inner,
        secret: false,
    }
}

/// [`list`] for values that may hold credentials (headers).
pub fn secret_list<P>(inner: P) -> ListParser<P> {
    ListParser {
        inner,
        secret: true,
    }
}

/// Each value a list of strings.
pub fn strings() -> ListParser<StringValueParser> {
    list(StringValueParser::new())
}

impl<P> ListParser<P> {
    fn failure(&self, cmd: &clap::Command, arg: Option<&clap::Arg>, err: &CsvError) -> clap::Error {
        let name = arg.map_or_else(|| "value".to_string(), |arg| arg.to_string());
        let source = match arg.and_then(clap::Arg::get_env) {
            Some(env) => format!("{name} (or {})", env.to_string_lossy()),
            None => name,
        };
        let mut message = format!("invalid list in {source}: {err}");
        if !self.secret {
            message.push_str(&format!(" (it reads {:?})", err.text));
        }
        message.push_str(&format!("\n\n  tip: {}", err.hint()));
        cmd.clone().error(ErrorKind::ValueValidation, message)
    }
}

impl<P> TypedValueParser for ListParser<P>
where
    P: TypedValueParser,
    P::Value: Clone + Send + Sync + 'static,
{
    type Value = Fields<P::Value>;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<Self::Value, clap::Error> {
        let text = StringValueParser::new().parse_ref(cmd, arg, value)?;
        let fields = read_record(&text).map_err(|err| self.failure(cmd, arg, &err))?;
        fields
            .iter()
            .map(|field| self.inner.parse_ref(cmd, arg, OsStr::new(field)))
            .collect::<Result<_, _>>()
            .map(Fields)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        self.inner.possible_values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Vec<String> {
        read_record(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
    }

    fn problem(text: &str) -> (usize, Problem) {
        let err = read_record(text).expect_err(text);
        (err.field, err.problem)
    }

    #[test]
    fn fields_are_split_at_commas_and_kept_as_written() {
        assert_eq!(ok("a,b"), ["a", "b"]);
        assert_eq!(ok(" a , b "), [" a ", " b "]);
        assert_eq!(ok("a,,b,"), ["a", "", "b", ""]);
        assert_eq!(ok(""), [""]);
        assert_eq!(ok("X-A=b=c"), ["X-A=b=c"]);
    }

    #[test]
    fn quoted_fields_hold_commas_quotes_and_line_breaks() {
        assert_eq!(ok(r#""X-A=c, d",X-B=e"#), ["X-A=c, d", "X-B=e"]);
        assert_eq!(ok(r#""X-Q=a,b""#), ["X-Q=a,b"]);
        assert_eq!(ok(r#""say ""hi""",x"#), [r#"say "hi""#, "x"]);
        assert_eq!(ok(r#""""#), [""]);
        assert_eq!(ok("\"a\r\nb\",c"), ["a\nb", "c"]);
        assert_eq!(ok(r#"a,"b""#), ["a", "b"]);
    }

    #[test]
    fn one_line_ending_at_the_end_is_dropped() {
        assert_eq!(ok("a,b\n"), ["a", "b"]);
        assert_eq!(ok("a,\"b\"\r\n"), ["a", "b"]);
    }

    #[test]
    fn what_go_rejects_is_an_error_naming_the_field() {
        assert_eq!(problem(r#"a,b"c"#), (2, Problem::BareQuote));
        assert_eq!(problem(r#"a, "b""#), (2, Problem::BareQuote));
        assert_eq!(problem(r#""a"b,c"#), (1, Problem::AfterQuote));
        assert_eq!(problem(r#"a,"b"#), (2, Problem::Unclosed));
        assert_eq!(problem(r#"""#), (1, Problem::Unclosed));
        let err = read_record(r#"x,"X-B=e"f,y"#).unwrap_err();
        assert_eq!(err.text, r#""X-B=e"f"#);
        assert_eq!(read_record(r#"a,b"c,d"#).unwrap_err().text, r#"b"c"#);
        assert_eq!(read_record(r#"a,"b,c"#).unwrap_err().text, r#""b,c"#);
        assert_eq!(err.to_string(), "field 2 goes on after its closing quote");
    }

    #[test]
    fn a_second_line_is_an_error_not_dropped() {
        assert_eq!(problem("a,b\nc"), (2, Problem::LineBreak));
        assert_eq!(problem("a\n\n"), (1, Problem::LineBreak));
        assert_eq!(problem("\"a\"\nb"), (1, Problem::LineBreak));
    }

    #[test]
    fn fields_flatten_in_order() {
        let values = [Fields(vec![1, 2]), Fields(vec![]), Fields(vec![3])];
        assert_eq!(Fields::flatten(&values), [1, 2, 3]);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Writes fields as Go's `csv.Writer` would: quoted when they need it.
    fn write(fields: &[String]) -> String {
        fields
            .iter()
            .map(|f| {
                if f.contains([',', '"', '\n', '\r']) || f.starts_with(' ') {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    proptest! {
        #[test]
        fn written_records_read_back(fields in proptest::collection::vec("[ a-z,\"=\n-]{0,8}", 1..5)) {
            // Go's reader drops the carriage return of a quoted "\r\n"; none is generated.
            let text = write(&fields);
            // A last field that is empty and unquoted cannot be told from no field when
            // the text is empty; both read as one empty field.
            prop_assert_eq!(read_record(&text).unwrap(), fields);
        }

        #[test]
        fn any_text_reads_or_names_a_field_that_exists(text in ".{0,40}") {
            match read_record(&text) {
                Ok(fields) => prop_assert!(!fields.is_empty()),
                Err(err) => prop_assert!(err.field >= 1 && err.field <= text.matches(',').count() + 1),
            }
        }
    }
}
