using System.Globalization;
using System.Text;
using CsCheck;
using FairCollective.Common;
using FairCollective.Data.Csv;

namespace FairCollective.Tests.Data.Csv;

[Trait(TestKind.Name, TestKind.Unit)]
public class CsvRowReaderTests
{
    [Fact]
    public void NumbersRoundTripThroughPlainAndGzipFilesWhateverTheName()
    {
        using var dir = new TempDirectory();
        int k = 0;
        Gen.Int[1, 4].SelectMany(d => Gen.Double[-1e9, 1e9].Array[d].Array[1, 30]).Sample(rows =>
        {
            int d = rows[0].Length;
            var text = new StringBuilder(string.Join(",", Enumerable.Range(0, d).Select(j => $"c{j}"))).Append('\n');
            foreach (var r in rows) text.Append(string.Join(",", r.Select(v => v.ToString("R",
                CultureInfo.InvariantCulture)))).Append('\n');
            int id = Interlocked.Increment(ref k);
            // gzip is recognised by its magic bytes, so a gzip file named .csv reads too.
            string plain = dir.Write($"p{id}.csv", text.ToString()), gz = dir.WriteGzip($"g{id}.csv", text.ToString());
            foreach (var path in new[] { plain, gz })
            {
                using var reader = CsvRowReader.Open(path);
                Assert.Equal(d, reader.FieldCount);
                for (int i = 0; i < rows.Length; i++)
                {
                    Assert.True(reader.MoveNext());
                    Assert.Equal(i + 2, reader.LineNumber);
                    for (int j = 0; j < d; j++) Assert.Equal(rows[i][j], reader.Double(j));
                }
                Assert.False(reader.MoveNext());
            }
        }, iter: 40);
    }

    [Fact]
    public void DuplicateHeadersAreReadByPositionAndBlankLinesSkipped()
    {
        using var dir = new TempDirectory();
        string p = dir.Write("dup.csv", "a,b,a\n1,2,3\n\n4,5,6\n");
        using var reader = CsvRowReader.Open(p);
        Assert.Equal(0, reader.Column("a"));
        Assert.True(reader.MoveNext());
        Assert.Equal(3, reader.Double(2));
        Assert.True(reader.MoveNext());
        Assert.Equal(4, reader.LineNumber);
        Assert.Equal("4", reader.String(0));
        Assert.False(reader.MoveNext());
    }

    [Fact]
    public void QuotedFieldsWithSeparatorsAreUnescaped()
    {
        using var dir = new TempDirectory();
        string p = dir.Write("q.csv", "name,desc\nx,\"a, \"\"b\"\"\"\n");
        using var reader = CsvRowReader.Open(p);
        Assert.True(reader.MoveNext());
        Assert.Equal("a, \"b\"", reader.String(1));
    }

    [Fact]
    public void WrongFieldCountNamesFileLineAndCounts()
    {
        using var dir = new TempDirectory();
        string p = dir.Write("bad.csv", "a,b,c\n1,2,3\n4,5\n");
        using var reader = CsvRowReader.Open(p);
        Assert.True(reader.MoveNext());
        var e = Assert.Throws<UserInputException>(() => reader.MoveNext());
        Assert.Equal($"{p}, line 3: 2 fields, expected 3", e.Message);
    }

    [Fact]
    public void NonNumericValueNamesFileLineAndColumn()
    {
        using var dir = new TempDirectory();
        string p = dir.Write("bad.csv", "a,b\n1,2\n3,x7\n");
        using var reader = CsvRowReader.Open(p);
        reader.MoveNext();
        reader.MoveNext();
        var e = Assert.Throws<UserInputException>(() => reader.Double(1));
        Assert.Equal($"{p}, line 3, column 'b': 'x7' is not a number", e.Message);
    }

    [Fact]
    public void TruncatedGzipIsAUserError()
    {
        using var dir = new TempDirectory();
        var text = new StringBuilder("a,b\n");
        var rng = new Random(7);
        for (int i = 0; i < 20_000; i++) text.Append(rng.Next()).Append(',').Append(rng.NextDouble().ToString("R",
            CultureInfo.InvariantCulture)).Append('\n');
        string whole = dir.WriteGzip("whole.csv.gz", text.ToString());
        byte[] bytes = File.ReadAllBytes(whole);
        string cut = Path.Combine(dir.Path, "cut.csv.gz");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        using (var ok = CsvRowReader.Open(whole))
        {
            int n = 0;
            while (ok.MoveNext()) n++;
            Assert.Equal(20_000, n);
        }
        var e = Assert.Throws<UserInputException>(() =>
        {
            using var reader = CsvRowReader.Open(cut);
            while (reader.MoveNext()) { }
        });
        Assert.StartsWith($"{cut}: gzip data is truncated or corrupt (decompressed ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void MissingFileAndNonGzipWithGzSuffixAreUserErrors()
    {
        using var dir = new TempDirectory();
        string missing = Path.Combine(dir.Path, "nope.csv");
        Assert.Equal($"{missing}: file not found", Assert.Throws<UserInputException>(()
            => CsvRowReader.Open(missing)).Message);
        string fake = dir.Write("fake.csv.gz", "a,b\n1,2\n");
        Assert.Equal($"{fake}: name ends in .gz but the file is not gzip data", Assert.Throws<UserInputException>(()
            => CsvRowReader.Open(fake)).Message);
        string empty = dir.Write("empty.csv", "");
        Assert.Equal($"{empty}: the file is empty (no header row)", Assert.Throws<UserInputException>(()
            => CsvRowReader.Open(empty)).Message);
    }
}
