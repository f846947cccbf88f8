namespace GlacierTrail.Integrity;

/// <summary>A public key that signature checks used, and on how many digests.</summary>
public sealed record DigestKeyUse(DigestPublicKey Key, int Digests);
