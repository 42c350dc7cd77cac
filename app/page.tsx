export default function Landing() {
  return (
    <main>
      <h1>CompraVenta</h1>
      <p>Trade crypto with virtual money at live prices.</p>
    </main>
  );
}
