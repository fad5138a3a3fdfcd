using Xunit;
using Privatar.Slurm;
using Privatar.Tests.Shared;

namespace Privatar.Slurm.Tests;

public sealed class JobJournalTests
{
    [Fact]
    public void Entries_survive_a_reopen_and_removal()
    {
        using var dir = new Repo.TempDir();
        var path = Path.Combine(dir.Path, "slurm", "journal.json");
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var j = JobJournal.Open(path);
        j.Add(new JournalEntry("Train/baseline", "12", "privatar vae train", "a.sh", "a.log", when));
        j.Add(new JournalEntry("Train/partition_2", "13", "privatar vae train --n 2", "b.sh", "b.log", when));
        j.Remove("Train/baseline");

        var reopened = JobJournal.Open(path);

        var e = Assert.Single(reopened.Entries);
        Assert.Equal(new JournalEntry("Train/partition_2", "13", "privatar vae train --n 2", "b.sh", "b.log", when), e);
    }

    [Fact]
    public void A_corrupt_journal_is_named()
    {
        using var dir = new Repo.TempDir();
        var path = Path.Combine(dir.Path, "journal.json");
        File.WriteAllText(path, "{ not json");
        var e = Assert.Throws<SlurmException>(() => JobJournal.Open(path));
        Assert.Contains(path, e.Message);
    }
}
