namespace Dossier.Storage.Tests;

/// <summary>Batches read ahead of their reader: on a thread of their own, in order, a failure passed on, the reading
/// over (the store let go) once the reader stops.</summary>
public sealed class BatchedReadingTests
{
    [Fact]
    public void The_next_batch_is_read_while_the_reader_holds_the_one_before_and_all_come_in_order()
    {
        using var thirdAsked = new ManualResetEventSlim();
        IEnumerable<int> Batches()
        {
            yield return 1;
            yield return 2;
            thirdAsked.Set();
            yield return 3;
        }
        var seen = new List<int>();
        foreach (var batch in BatchedReading.ReadAhead(Batches()))
        {
            if (batch == 1) Assert.True(thirdAsked.Wait(TimeSpan.FromSeconds(20)), "the batches after the first were not read while it was held");
            seen.Add(batch);
        }
        Assert.Equal([1, 2, 3], seen);
    }

    [Fact]
    public void A_failure_reading_a_batch_reaches_the_reader_after_the_batches_read_before_it()
    {
        IEnumerable<int> Batches()
        {
            yield return 1;
            throw new InvalidDataException("page 2 is damaged");
        }
        var seen = new List<int>();
        var failure = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var batch in BatchedReading.ReadAhead(Batches())) seen.Add(batch);
        });
        Assert.Equal("page 2 is damaged", failure.Message);
        Assert.Equal([1], seen);
    }

    [Fact]
    public void A_reader_that_stops_early_finds_the_reading_over_when_it_goes_on()
    {
        var (asked, over) = (0, false);
        IEnumerable<int> Batches()
        {
            try
            {
                while (true) yield return ++asked;
            }
            finally
            {
                over = true;
            }
        }
        foreach (var batch in BatchedReading.ReadAhead(Batches()))
            if (batch == 2) break;
        Assert.True(over);
        // Two batches taken, two more at most waiting, one more read when the reader stopped.
        Assert.InRange(asked, 2, 5);
    }
}
