namespace Dossier.Storage;

/// <summary>A dossier that cannot be used: not a dossier, too new, damaged, out of reach.</summary>
public sealed class DossierStoreException(string message, Exception? inner = null) : Exception(message, inner);
