// pdfmake ships a public-domain QR encoder (qr.js by Kang Seonghoon, CC0) without type declarations. We use it to
// draw the TOTP enrolment QR code as SVG rather than add a dependency (docs/adr/0042-totp-second-factor.md).
declare module 'pdfmake/js/qrEnc.js' {
  interface QrRect {
    readonly type: 'rect'
    readonly x: number
    readonly y: number
    readonly w: number
    readonly h: number
  }
  const qrEnc: {
    measure(node: { qr: string; eccLevel?: 'L' | 'M' | 'Q' | 'H'; fit?: number }): { _canvas: QrRect[] }
  }
  export default qrEnc
}
