namespace DigestBot.Core.Text;

/// <summary>Reduces a normalised (lowercase) word to the stem its inflected forms share.</summary>
public interface IStemmer
{
    string Stem(string word);
}
