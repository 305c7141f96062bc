using Dossier.Core.Pipeline;

namespace Dossier.Core.Tests.Pipeline;

public class StableIdsTests
{
    private static StableIds.Assignment Assign(int[][] groups, params (string Id, int[] Members)[] stored)
    {
        var next = 10L;
        return StableIds.Assign(groups.Select(g => (IEnumerable<int>)g).ToList(), stored.Select(s => (s.Id, (IEnumerable<int>)s.Members)).ToList(), "e", () => next++);
    }

    [Fact]
    public void A_group_that_grew_keeps_its_id_and_a_new_one_gets_a_fresh_number()
    {
        var result = Assign([[7, 8], [1, 2, 3]], ("e1", [1, 2]));
        Assert.Equal(["e10", "e1"], result.Ids);
        Assert.Empty(result.Absorbed);
    }

    [Fact]
    public void A_merge_keeps_the_older_id_even_when_the_newer_group_was_larger_and_records_the_absorbed_one()
    {
        var result = Assign([[1, 2, 3, 4, 5]], ("e4", [2, 3, 4, 5]), ("e2", [1]));
        Assert.Equal(["e2"], result.Ids);
        Assert.Equal([("e4", "e2")], result.Absorbed);
    }

    [Fact]
    public void In_a_split_the_larger_part_keeps_the_id_and_a_group_whose_members_all_left_is_dropped()
    {
        var result = Assign([[1], [2, 3]], ("e1", [1, 2, 3]), ("e5", [9]));
        Assert.Equal(["e10", "e1"], result.Ids);
        Assert.Equal(["e5"], result.Dropped);
    }
}
