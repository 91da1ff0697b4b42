// postcss-preset-mantine gives CSS files the Mantine mixins (light/dark, rtl/ltr,
// smaller-than/larger-than) and rem() helpers.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
