// Flips Electron's fuses after packing (STYLE: security defaults): no RunAsNode, no
// NODE_OPTIONS, no --inspect, cookies encrypted, app code only from an integrity-checked asar.
// A stand-in Electron (the offline packaging smoke) has no fuse wire: it is reported and skipped.
const fs = require('node:fs')
const path = require('node:path')

module.exports = async function afterPack(context) {
  const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses')
  const name = context.packager.appInfo.productFilename
  const platform = context.electronPlatformName
  const exe =
    platform === 'darwin'
      ? path.join(context.appOutDir, `${name}.app`)
      : path.join(context.appOutDir, platform === 'win32' ? `${name}.exe` : name.toLowerCase())
  const binary = platform === 'darwin' ? path.join(exe, 'Contents/MacOS', name) : exe
  // linux.executableName renames the Linux binary (switchboard-app).
  const executable = context.packager.executableName
  const candidates = [binary, path.join(context.appOutDir, name)]
  if (executable) candidates.unshift(path.join(context.appOutDir, executable))
  const file = candidates.find((f) => fs.existsSync(f))
  if (!file || !fs.readFileSync(file).includes('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX')) {
    console.warn(
      `[after-pack] ${file ?? binary} has no Electron fuse wire (stand-in Electron?): fuses not flipped`,
    )
    return
  }
  await flipFuses(platform === 'darwin' ? exe : file, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: platform === 'darwin' && context.arch === 3,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
  })
}
